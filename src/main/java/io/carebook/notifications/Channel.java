package io.carebook.notifications;

import org.jspecify.annotations.Nullable;

/** A way to reach a patient: e-mail, SMS or WhatsApp, each through its provider. */
interface Channel {

  /** Which of the channels it is. */
  MessageChannel channel();

  /** Whether the clinic (or, for e-mail, the platform) has set this channel up. */
  boolean ready(ChannelSettings settings);

  /**
   * Hands the message to the provider. Our message id travels with it, so a repeat after a crash
   * can be recognized.
   *
   * @throws DeliveryFailed when the provider refused it (permanent) or could not be reached
   *     (temporary)
   */
  Sent send(Outbox.Row message, ChannelSettings settings) throws DeliveryFailed;

  /** What the provider answered: its name, and its own id for the message (for status updates). */
  record Sent(String provider, @Nullable String providerMessageId) {}

  /** The provider did not take the message. Temporary failures are retried, permanent ones not. */
  final class DeliveryFailed extends Exception {
    private final boolean temporary;

    DeliveryFailed(String message, boolean temporary) {
      super(message);
      this.temporary = temporary;
    }

    static DeliveryFailed ofStatus(int status, String body) {
      var text = "HTTP " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body);
      return new DeliveryFailed(text, status >= 500 || status == 429 || status == 408);
    }

    boolean temporary() {
      return temporary;
    }
  }
}
