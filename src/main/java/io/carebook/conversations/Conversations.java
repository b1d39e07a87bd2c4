package io.carebook.conversations;

import io.carebook.conversations.bot.ConversationBot;
import io.carebook.conversations.bot.ConversationRows;
import io.carebook.notifications.MessageChannel;
import io.carebook.notifications.SessionMessages;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facade of conversations, in the current organization: people (and agents) write to the
 * patient, take a conversation over from the bot, hand it back, ask for a person, open one for a
 * request that needs a human. Each change of state or hands is a line of the transcript (author
 * {@link Author#SYSTEM}, the actor in its payload and author id), so it records who acted. Each
 * method locks the conversation's row until its transaction ends, like the bot does while it
 * answers, so a person and the bot never act on it at once.
 */
@Service
public class Conversations {

  /** The longest text a WhatsApp message may carry. */
  public static final int MAX_TEXT = 4096;

  private static final Pattern E164 = Pattern.compile("\\+[0-9]{6,15}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConversationRows rows;
  private final SessionMessages sessions;
  private final ObjectProvider<ConversationBot> bot;
  private final Clock clock;

  Conversations(
      ConversationRows rows,
      SessionMessages sessions,
      ObjectProvider<ConversationBot> bot,
      Clock clock) {
    this.rows = rows;
    this.sessions = sessions;
    this.bot = bot;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Conversation find(ConversationId id) {
    return rows.find(id).orElseThrow(() -> new NotFoundException("Conversation"));
  }

  /** The transcript, oldest first, one-time codes masked. */
  @Transactional(readOnly = true)
  public List<ConversationMessage> transcript(ConversationId id) {
    find(id);
    return rows.transcript(id);
  }

  /**
   * Writes {@code text} to the patient through the conversation's channel and keeps it in the
   * transcript. On WhatsApp, outside the 24-hour window after the patient's last message only an
   * approved template may go out: free text is then refused with a 409 {@code
   * outside-service-window} problem.
   */
  @Transactional
  public void send(ConversationId id, String text, Author by, @Nullable UUID authorId) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid("text", "is required");
    }
    if (text.length() > MAX_TEXT) {
      throw ProblemException.invalid("text", "at most " + MAX_TEXT + " characters");
    }
    var conversation = lock(id).conversation();
    if (conversation.state() == ConversationState.CLOSED) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "conversation-closed", "The conversation is closed.");
    }
    if (!conversation.insideServiceWindow(clock.instant())) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "outside-service-window",
          "The patient last wrote more than 24 hours ago: WhatsApp allows only approved templates"
              + " until they write again.");
    }
    var body = text.strip();
    sessions.send(
        conversation.channel(),
        conversation.phone(),
        ConversationRows.language(conversation.locale()),
        body,
        null,
        conversation.patientId() == null ? null : conversation.patientId().value());
    rows.append(id, "OUT", by, authorId, body, null);
  }

  /** A person carries the conversation from now on; the bot stays silent. */
  @Transactional
  public void takeOver(ConversationId id, UserId user) {
    var conversation = lock(id).conversation();
    if (conversation.state() == ConversationState.CLOSED) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "conversation-closed", "The conversation is closed.");
    }
    rows.state(id, ConversationState.PERSON, user);
    event(id, "TAKEN_OVER", Author.PERSON, user.value(), "Taken over by a person");
  }

  /** The bot carries the conversation again, and greets the patient with its menu. */
  @Transactional
  public void handBack(ConversationId id, UserId user) {
    var row = lock(id);
    if (row.conversation().state() == ConversationState.CLOSED) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "conversation-closed", "The conversation is closed.");
    }
    rows.state(id, ConversationState.BOT, null);
    event(id, "HANDED_BACK", Author.PERSON, user.value(), "Handed back to the bot");
    bot.getObject().greet(lock(id), clock.instant());
  }

  /**
   * Nobody carries the conversation until a person takes it (WAITING, the inbox's queue); the bot
   * tells the patient a person will answer. A conversation a person already carries stays theirs.
   */
  @Transactional
  public void askForPerson(ConversationId id, String reason) {
    var row = lock(id);
    var state = row.conversation().state();
    if (state == ConversationState.CLOSED || state == ConversationState.PERSON) {
      return;
    }
    rows.state(id, ConversationState.WAITING, null);
    event(id, "PERSON_ASKED", Author.BOT, null, reason);
    bot.getObject().personWillAnswer(lock(id), clock.instant());
  }

  /** The conversation is over; the patient's next message opens a new one. */
  @Transactional
  public void close(ConversationId id, UserId user) {
    lock(id);
    rows.state(id, ConversationState.CLOSED, null);
    event(id, "CLOSED", Author.PERSON, user.value(), "Closed");
  }

  /**
   * A person booked for the conversation's patient (from the inbox's quick-book): a line of the
   * transcript says so, {@code summary} naming the doctor and time; nothing is sent to the patient.
   * Its own small write after the booking, never part of the booking's transaction.
   */
  @Transactional
  public void recordBooking(ConversationId id, UserId user, String summary) {
    lock(id);
    event(id, "BOOKED", Author.PERSON, user.value(), summary);
  }

  /**
   * A request that needs a human (from the public booking page, from an agent): the phone's open
   * conversation with the clinic (or a new WhatsApp one) waits for a person, with {@code summary}
   * as a line of its transcript written by {@code by} ({@code authorId}: the agent's API key or the
   * person). Nothing is sent to the patient.
   */
  @Transactional
  public ConversationId openForRequest(
      ClinicId clinic,
      String phone,
      @Nullable PatientId patient,
      String summary,
      Author by,
      @Nullable UUID authorId) {
    var number = phone == null ? "" : phone.replaceAll("[\\s()\\-.]", "");
    if (!E164.matcher(number).matches()) {
      throw ProblemException.invalid(
          "phone", "must be a phone number in E.164, like +201001234567");
    }
    if (summary == null || summary.isBlank()) {
      throw ProblemException.invalid("summary", "is required");
    }
    var row =
        rows.lockOpen(clinic, number)
            .orElseGet(
                () -> rows.openOrCreate(clinic, MessageChannel.WHATSAPP, number, Locale.ENGLISH));
    var conversation = row.conversation();
    if (patient != null && conversation.patientId() == null) {
      rows.step(row.id(), row.step(), conversation.locale(), patient);
    }
    if (conversation.state() != ConversationState.PERSON) {
      rows.state(row.id(), ConversationState.WAITING, null);
    }
    rows.append(row.id(), "OUT", Author.SYSTEM, authorId, summary.strip(), payload("REQUEST", by));
    return row.id();
  }

  private ConversationRows.Row lock(ConversationId id) {
    return rows.lock(id).orElseThrow(() -> new NotFoundException("Conversation"));
  }

  private void event(
      ConversationId id, String event, Author actor, @Nullable UUID actorId, String text) {
    rows.append(id, "OUT", Author.SYSTEM, actorId, text, payload(event, actor));
  }

  private static String payload(String event, Author actor) {
    return JSON.writeValueAsString(Map.of("event", event, "actor", actor.name()));
  }
}
