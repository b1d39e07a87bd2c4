package io.carebook.conversations.web;

import io.carebook.conversations.Author;
import io.carebook.conversations.ConversationState;
import io.carebook.conversations.inbox.InboxQueries.Conversation;
import io.carebook.conversations.inbox.InboxQueries.Line;
import io.carebook.patients.PatientDirectory;
import io.carebook.tenancy.Organizations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the inbox's rows into what its pages show: the patient's name (or the phone), how long a
 * patient has waited, times in the clinic's zone, and whether free text may still go out.
 */
@Component
class InboxViews {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

  private final PatientDirectory patients;
  private final Organizations organizations;
  private final Clock clock;
  private final MessageSource messages;

  InboxViews(
      PatientDirectory patients, Organizations organizations, Clock clock, MessageSource messages) {
    this.messages = messages;
    this.patients = patients;
    this.organizations = organizations;
    this.clock = clock;
  }

  /** A span of time as the page words it: "12 min", "2 h 5 min", "3 d", in the page's language. */
  String ago(Duration span) {
    var minutes = Math.max(0, span.toMinutes());
    var locale = LocaleContextHolder.getLocale();
    if (minutes < 60) {
      return messages.getMessage("inbox.ago.minutes", new Object[] {minutes}, locale);
    }
    if (minutes < 24 * 60) {
      return messages.getMessage(
          "inbox.ago.hours", new Object[] {minutes / 60, minutes % 60}, locale);
    }
    return messages.getMessage("inbox.ago.days", new Object[] {minutes / (24 * 60)}, locale);
  }

  /** A conversation of the queue or the page. */
  record View(
      Conversation c,
      @Nullable String patientName,
      @Nullable String waited,
      String lastActivity,
      boolean insideWindow,
      boolean waiting) {

    public String who() {
      return patientName == null ? c.phone() : patientName;
    }
  }

  /** A line of the transcript with its time in the clinic's zone. */
  record LineView(
      Line line,
      String time,
      boolean patient,
      boolean person,
      boolean system,
      @Nullable String note) {}

  List<View> rows(List<Conversation> queue) {
    var names =
        patients.names(
            queue.stream().map(Conversation::patientId).filter(Objects::nonNull).toList());
    var now = clock.instant();
    return queue.stream().map(c -> view(c, names, now)).toList();
  }

  View conversation(Conversation c) {
    var names =
        c.patientId() == null ? Map.<UUID, String>of() : patients.names(List.of(c.patientId()));
    return view(c, names, clock.instant());
  }

  List<LineView> lines(List<Line> transcript) {
    var zone = zone();
    var today = clock.instant().atZone(zone).toLocalDate();
    return transcript.stream()
        .map(
            l -> {
              var at = l.at().atZone(zone);
              var time = (at.toLocalDate().equals(today) ? TIME : DAY_TIME).format(at);
              return new LineView(
                  l,
                  time,
                  l.author() == Author.PATIENT,
                  l.author() == Author.PERSON,
                  l.author() == Author.SYSTEM,
                  l.author() == Author.SYSTEM ? note(l) : null);
            })
        .toList();
  }

  /** A change of state or hands, worded in the page's language with who acted. */
  private String note(Line line) {
    var locale = LocaleContextHolder.getLocale();
    var actor = line.actor() == null ? "SYSTEM" : line.actor();
    var who =
        line.authorName() != null
            ? line.authorName()
            : messages.getMessage("inbox.author." + actor, null, actor, locale);
    if (line.event() == null) {
      return line.body();
    }
    var what =
        line.body().startsWith(BOOKED) ? line.body().substring(BOOKED.length()) : line.body();
    return messages.getMessage(
        "inbox.event." + line.event(), new Object[] {who, what}, line.body(), locale);
  }

  /** How the transcript stores a booking made from the inbox; the page words it in its language. */
  static final String BOOKED = "Booked: ";

  /** The transcript's line of a booking made from the inbox: "Booked: doctor, time". */
  static String booked(String doctor, String time) {
    return BOOKED + doctor + ", " + time;
  }

  private View view(Conversation c, Map<UUID, String> names, Instant now) {
    var waitedSince = c.waitingSince();
    return new View(
        c,
        c.patientId() == null ? null : names.get(c.patientId()),
        waitedSince == null ? null : ago(Duration.between(waitedSince, now)),
        ago(Duration.between(c.updatedAt(), now)),
        insideWindow(c, now),
        c.state() == ConversationState.WAITING);
  }

  /** WhatsApp's 24-hour customer-service window; SMS has none. */
  static boolean insideWindow(Conversation c, Instant now) {
    if (!"WHATSAPP".equals(c.channel())) {
      return true;
    }
    var last = c.lastInboundAt();
    return last != null && last.plus(Duration.ofHours(24)).isAfter(now);
  }

  private ZoneId zone() {
    return organizations.activeClinic().timezone();
  }
}
