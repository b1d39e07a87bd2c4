package io.carebook.conversations;

/**
 * Who carries a conversation: the bot; nobody yet, a person is asked for (WAITING, the inbox's
 * queue); a person who took it over (the bot stays silent); or nobody, it is over (CLOSED: the
 * patient's next message opens a new one).
 */
public enum ConversationState {
  BOT,
  WAITING,
  PERSON,
  CLOSED;

  /** Whether the bot answers the patient's messages. */
  public boolean botAnswers() {
    return this == BOT;
  }
}
