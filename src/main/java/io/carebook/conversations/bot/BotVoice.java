package io.carebook.conversations.bot;

import io.carebook.conversations.Author;
import io.carebook.conversations.Conversation;
import io.carebook.notifications.SessionMessages;
import org.springframework.stereotype.Component;

/**
 * Says the bot's replies: each goes out through the outbox on the conversation's channel (the
 * interactive list or buttons on WhatsApp, numbered text on SMS) and is kept in the transcript.
 */
@Component
class BotVoice {

  private final SessionMessages sessions;
  private final ConversationRows rows;

  BotVoice(SessionMessages sessions, ConversationRows rows) {
    this.sessions = sessions;
    this.rows = rows;
  }

  void say(Conversation conversation, String language, Reply reply) {
    var interactive = reply.interactive();
    sessions.send(
        conversation.channel(),
        conversation.phone(),
        language,
        reply.plain(),
        interactive,
        conversation.patientId() == null ? null : conversation.patientId().value());
    rows.append(conversation.id(), "OUT", Author.BOT, null, reply.plain(), interactive);
  }
}
