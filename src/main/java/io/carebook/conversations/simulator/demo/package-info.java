/**
 * The demo's phones: with the simulator on, the demo clinics' WhatsApp goes to it, so the phone
 * page can play their patients from the first start.
 */
@NullMarked
package io.carebook.conversations.simulator.demo;

import org.jspecify.annotations.NullMarked;
