package io.carebook.conversations.bot;

import io.carebook.notifications.PatientMessageReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * notifications' inbound messages, after the webhook's transaction commits: asynchronous, each in a
 * transaction of its own inside the message's clinic (bound from the event by tenancy's listener
 * advice); a message not yet handled when an instance stops is handled again on restart (the event
 * publication registry), and the bot keeps it once.
 */
@Component
class InboundMessages {

  private final ConversationBot bot;

  InboundMessages(ConversationBot bot) {
    this.bot = bot;
  }

  @ApplicationModuleListener
  void on(PatientMessageReceived message) {
    bot.handle(message);
  }
}
