package io.carebook.notifications;

/**
 * How a message travels: its name is stored on the outbox row ({@code outbox_messages.channel}),
 * keys its label ({@code notifications.channel.<NAME>}) and names a clinic's channels in its
 * settings.
 */
public enum MessageChannel {
  EMAIL,
  SMS,
  WHATSAPP;

  /** Whether it reaches a phone number rather than an e-mail address. */
  public boolean toPhone() {
    return this != EMAIL;
  }
}
