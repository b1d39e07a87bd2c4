package io.carebook.conversations.bot;

import io.carebook.conversations.Author;
import io.carebook.conversations.BotWording;
import io.carebook.conversations.ConversationSettingsReader;
import io.carebook.conversations.ConversationState;
import io.carebook.conversations.understanding.Understanding;
import io.carebook.notifications.PatientMessageReceived;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a conversation on when the patient writes: inside the clinic's tenant, with the
 * conversation's row locked ({@code FOR UPDATE}) until the answer is stored, so two instances (or
 * two deliveries of one message) never answer one message twice; the patient's message is kept once
 * per provider message id, and a repeat changes nothing. The bot answers only while it carries the
 * conversation, the clinic has it on and the plan includes WhatsApp booking; otherwise the message
 * waits for a person. Its place is read from and written back to the row, so any instance, after
 * any restart, continues where the last one stopped; after {@value #IDLE_MINUTES} minutes without a
 * message from the patient it starts afresh.
 */
@Component
public class ConversationBot {

  static final int IDLE_MINUTES = 30;

  private static final Logger log = LoggerFactory.getLogger(ConversationBot.class);
  private static final Pattern E164 = Pattern.compile("\\+[0-9]{6,15}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConversationRows rows;
  private final Dialogue dialogue;
  private final BotVoice voice;
  private final BotWording wording;
  private final ConversationSettingsReader settings;
  private final Organizations organizations;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final Duration idle;

  ConversationBot(
      ConversationRows rows,
      Dialogue dialogue,
      BotVoice voice,
      BotWording wording,
      ConversationSettingsReader settings,
      Organizations organizations,
      Subscriptions subscriptions,
      Clock clock,
      @Value("${carebook.conversations.idle:PT" + IDLE_MINUTES + "M}") Duration idle) {
    this.rows = rows;
    this.dialogue = dialogue;
    this.voice = voice;
    this.wording = wording;
    this.settings = settings;
    this.organizations = organizations;
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.idle = idle;
  }

  /** Handles a patient's message; runs in the message's clinic, in a transaction. */
  @Transactional
  public void handle(PatientMessageReceived message) {
    if (!E164.matcher(message.from()).matches()) {
      log.info("A message not from a phone number in E.164 is kept out of conversations");
      return;
    }
    var row =
        rows.openOrCreate(message.clinicId(), message.channel(), message.from(), Locale.ENGLISH);
    var before = row.conversation().lastInboundAt();
    var reply = message.interactiveReplyId();
    var kept =
        rows.inbound(
            row.id(),
            message.text(),
            reply == null ? null : JSON.writeValueAsString(Map.of("replyId", reply)),
            message.providerMessageId(),
            message.receivedAt());
    if (!kept || !row.conversation().state().botAnswers()) {
      return; // delivered before, or a person carries it (the inbox shows the message)
    }
    var clinicSettings = settings.of(message.clinicId());
    var plan = subscriptions.plan(message.clinicId());
    if (!clinicSettings.enabled() || !plan.includes(Plan.Feature.WHATSAPP_BOOKING)) {
      rows.state(row.id(), ConversationState.WAITING, null);
      rows.append(
          row.id(),
          "OUT",
          Author.SYSTEM,
          null,
          clinicSettings.enabled()
              ? "The plan does not include WhatsApp booking: a person will answer."
              : "The clinic's bot is off: a person will answer.",
          event("PERSON_ASKED", Author.SYSTEM));
      return;
    }
    var now = clock.instant();
    var step = Step.parse(row.step());
    if (before != null && before.plus(idle).isBefore(message.receivedAt())) {
      step = Step.fresh(); // idle too long: the next message starts afresh
    }
    turn(row, step, message.text(), reply, now, clinicSettings);
  }

  /** Greets the patient with the menu (a person handed the conversation back); caller locks. */
  public void greet(ConversationRows.Row row, Instant now) {
    if (!row.conversation().insideServiceWindow(now)) {
      return; // outside WhatsApp's window only templates go out: the patient's next message
    }
    var clinicSettings = settings.of(row.conversation().clinicId());
    var talk = talk(row, Step.parse(row.step()), "", null, now, clinicSettings);
    apply(row, dialogue.greet(talk));
  }

  /** Tells the patient a person will answer (when the window allows a message); caller locks. */
  public void personWillAnswer(ConversationRows.Row row, Instant now) {
    if (!row.conversation().insideServiceWindow(now)) {
      return;
    }
    var conversation = row.conversation();
    var clinicSettings = settings.of(conversation.clinicId());
    voice.say(
        conversation,
        ConversationRows.language(conversation.locale()),
        Reply.text(wording.text("person", conversation.locale(), clinicSettings)));
  }

  private void turn(
      ConversationRows.Row row,
      Step step,
      String text,
      @Nullable String reply,
      Instant now,
      io.carebook.conversations.ConversationSettings clinicSettings) {
    var talk = talk(row, step, text, reply, now, clinicSettings);
    apply(row, dialogue.answer(talk));
  }

  private Talk talk(
      ConversationRows.Row row,
      Step step,
      String text,
      @Nullable String reply,
      Instant now,
      io.carebook.conversations.ConversationSettings clinicSettings) {
    var conversation = row.conversation();
    var clinic = organizations.find(conversation.clinicId()).orElseThrow();
    var language = step.get("lang");
    var locale = language == null ? conversation.locale() : Locale.forLanguageTag(language);
    var zoned = now.atZone(clinic.timezone());
    return new Talk(
        conversation,
        step,
        locale,
        text,
        reply,
        Understanding.read(text, locale, zoned),
        clinic,
        clinicSettings,
        wording,
        zoned);
  }

  private void apply(ConversationRows.Row row, Outcome outcome) {
    var language = ConversationRows.language(outcome.locale);
    var conversation = row.conversation();
    var spoken =
        new io.carebook.conversations.Conversation(
            conversation.id(),
            conversation.clinicId(),
            conversation.channel(),
            conversation.phone(),
            outcome.patient,
            outcome.locale,
            conversation.state(),
            conversation.assignedTo(),
            conversation.lastInboundAt(),
            conversation.createdAt(),
            conversation.updatedAt());
    for (var reply : Reply.joined(outcome.replies)) {
      voice.say(spoken, language, reply);
    }
    rows.step(row.id(), outcome.next.json(), outcome.locale, outcome.patient);
    if (outcome.personReason != null) {
      rows.state(row.id(), ConversationState.WAITING, null);
      rows.append(
          row.id(),
          "OUT",
          Author.SYSTEM,
          null,
          outcome.personReason,
          event("PERSON_ASKED", Author.BOT));
      personWillAnswer(rows.lock(row.id()).orElseThrow(), clock.instant());
    }
  }

  private static String event(String event, Author actor) {
    return JSON.writeValueAsString(Map.of("event", event, "actor", actor.name()));
  }
}
