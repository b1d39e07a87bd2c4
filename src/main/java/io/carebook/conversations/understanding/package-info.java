/**
 * Understanding short free text from patients (WhatsApp messages) without any outside service:
 * language, intents, dates, date ranges, times, parts of the day, bare numbers and yes/no, in
 * English, Spanish and Arabic (Modern Standard and Egyptian/Levantine colloquial), with Western,
 * Arabic-Indic and Extended Arabic-Indic digits. Pure Java, stateless; the entry point is {@link
 * io.carebook.conversations.understanding.Understanding#read}.
 */
@NullMarked
package io.carebook.conversations.understanding;

import org.jspecify.annotations.NullMarked;
