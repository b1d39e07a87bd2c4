/**
 * The developer's WhatsApp phone ({@code carebook.dev=true} and {@code
 * carebook.dev.whatsapp-simulator=true}, never in production): an in-app fake of the Cloud API's
 * send endpoint that keeps what the clinic sends, and a phone page at {@code /dev/whatsapp} that
 * shows it as a chat and sends the patient's typing and taps to the clinic's webhook, signed as
 * Meta signs them. Nothing leaves the machine.
 */
@NullMarked
package io.carebook.conversations.simulator;

import org.jspecify.annotations.NullMarked;
