package io.carebook.conversations;

/**
 * Who wrote a line of a transcript, or acted on the conversation: the patient, the bot, a person (a
 * staff member, by user id), an agent (an API key, by its id), or the system (changes of state and
 * hands).
 */
public enum Author {
  PATIENT,
  BOT,
  PERSON,
  AGENT,
  SYSTEM
}
