package io.carebook.notifications;

import io.carebook.scheduling.AppointmentFollowUps;
import io.carebook.scheduling.AppointmentFollowUps.FollowUp;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantSweep;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans the messages about appointments from the rows scheduling writes with each booking, move and
 * cancellation ({@link AppointmentFollowUps}): the confirmation and reminders of a booking (one
 * made online gets them with its private link, on {@code BookingConfirmed}), a notice and new
 * reminders for a move, a notice and no more reminders for a cancellation.
 *
 * <p>Set-based: every second, for each clinic with rows waiting (one transaction per clinic,
 * through {@link TenantSweep}), it claims a batch of them (skipping rows another instance holds, so
 * no two instances plan one twice) and plans every message of the batch in a constant number of
 * statements — the patients, their preferences, the clinic, its settings, team and wording read
 * once, the pending messages of moved and canceled appointments canceled in one update, the new
 * messages stored in one insert and their deliveries scheduled in one batch — then the claimed rows
 * are gone with the commit. A crash before the commit leaves the rows for the next pass: nothing is
 * lost.
 */
@Component
class AppointmentMessagePlanner {

  /** Rows planned per clinic and transaction; a larger backlog takes the following passes. */
  static final int BATCH = 500;

  private final AppointmentFollowUps followUps;
  private final TenantSweep sweep;
  private final Recipients recipients;
  private final MessageTemplates templates;
  private final OutboxBatches outbox;
  private final Clock clock;

  AppointmentMessagePlanner(
      AppointmentFollowUps followUps,
      TenantSweep sweep,
      Recipients recipients,
      MessageTemplates templates,
      OutboxBatches outbox,
      Clock clock) {
    this.followUps = followUps;
    this.sweep = sweep;
    this.recipients = recipients;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${carebook.notifications.follow-ups.interval:PT1S}",
      initialDelayString = "${carebook.notifications.follow-ups.interval:PT1S}")
  void planWaiting() {
    sweep.inClinics("Appointment messages", followUps.due(), this::planBatch);
  }

  /**
   * Plans one batch of the active clinic's rows, in their order: a move or a cancellation replaces
   * what an earlier row of the batch planned for the same appointment, as it cancels what earlier
   * batches stored. Runs inside the clinic's transaction; answers how many rows it planned.
   */
  int planBatch() {
    var batch = followUps.claim(BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    var clinic = TenantContext.clinic();
    var audience =
        recipients.of(clinic, batch.stream().map(FollowUp::patientId).distinct().toList());
    var wording = templates.wording(clinic);
    var now = clock.instant();
    var planned = new LinkedHashMap<UUID, List<NewMessage>>();
    var moved = new LinkedHashSet<UUID>();
    var canceled = new LinkedHashSet<UUID>();
    for (var row : batch) {
      var messages = new Messages(wording, now);
      var recipient = audience.of(row.patientId(), row.doctorId(), row.startsAt());
      switch (row.kind()) {
        case BOOKED -> {
          if (!row.bookedOnline()) {
            messages.notice(recipient, MessageKind.APPOINTMENT_BOOKED, row);
            messages.reminders(recipient, row);
          }
        }
        case MOVED -> {
          moved.add(row.appointmentId());
          planned.remove(row.appointmentId());
          messages.notice(recipient, MessageKind.APPOINTMENT_RESCHEDULED, row);
          messages.reminders(recipient, row);
        }
        case CANCELED -> {
          canceled.add(row.appointmentId());
          planned.remove(row.appointmentId());
          if (!row.startsAt().isBefore(now)) {
            messages.notice(recipient, MessageKind.APPOINTMENT_CANCELED, row);
          }
        }
      }
      planned.computeIfAbsent(row.appointmentId(), a -> new ArrayList<>()).addAll(messages.list);
    }
    outbox.cancelPending(moved, "The appointment was moved.");
    outbox.cancelPending(canceled, "The appointment was canceled.");
    outbox.scheduleAll(planned.values().stream().flatMap(List::stream).toList());
    return batch.size();
  }

  /** The messages one row plans, written in the recipient's language, quiet hours applied. */
  private static final class Messages {

    private final MessageTemplates.Wording wording;
    private final Instant now;
    private final List<NewMessage> list = new ArrayList<>();

    Messages(MessageTemplates.Wording wording, Instant now) {
      this.wording = wording;
      this.now = now;
    }

    void notice(Recipients.@Nullable Recipient recipient, MessageKind kind, FollowUp row) {
      if (recipient != null) {
        add(recipient, kind, row, now);
      }
    }

    void reminders(Recipients.@Nullable Recipient recipient, FollowUp row) {
      if (recipient == null) {
        return;
      }
      var settings = recipient.settings();
      var plan =
          new ReminderPlan(
              settings.reminderMinutes(), settings.quietHours(), recipient.clinic().timezone());
      for (var at : plan.times(row.startsAt(), now)) {
        add(recipient, MessageKind.APPOINTMENT_REMINDER, row, at);
      }
    }

    private void add(Recipients.Recipient recipient, MessageKind kind, FollowUp row, Instant due) {
      var v = recipient.variables();
      var language = recipient.locale().getLanguage();
      var text = wording.of(kind, "", language).render(v);
      var zone = recipient.clinic().timezone();
      list.add(
          new NewMessage(
              recipient.channel(),
              recipient.address(),
              kind,
              language,
              text.subject(),
              text.body(),
              recipient.settings().quietHours().defer(due, zone),
              recipient.patientId(),
              row.appointmentId(),
              v));
    }
  }
}
