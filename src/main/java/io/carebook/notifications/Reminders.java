package io.carebook.notifications;

import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.scheduling.AppointmentEvents.AppointmentCanceled;
import io.carebook.scheduling.AppointmentEvents.AppointmentRescheduled;
import io.carebook.scheduling.Calendar;
import io.carebook.scheduling.WaitlistOfferMade;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.SealedSecret;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns appointments into messages: a confirmation and reminders when booked, new reminders when
 * moved, a notice (and no more reminders) when canceled, an offer to the waitlist. Listens after
 * the booking commits; the event publication registry retries a listener that failed.
 */
@Component
public class Reminders {

  public static final String BOOKED = "APPOINTMENT_BOOKED";
  static final String REMINDER = "APPOINTMENT_REMINDER";
  static final String RESCHEDULED = "APPOINTMENT_RESCHEDULED";
  static final String CANCELED = "APPOINTMENT_CANCELED";
  static final String OFFER = "WAITLIST_OFFER";
  static final String FOLLOW_UP = "VISIT_FOLLOW_UP";
  static final String PRESCRIPTION_COPY = "PRESCRIPTION_COPY";
  static final String PAYMENT_LINK = "PAYMENT_LINK";
  static final String RECEIPT = "RECEIPT";

  /** A visit's follow-up goes out the next day at this clinic-local time (quiet hours apply). */
  static final java.time.LocalTime FOLLOW_UP_AT = java.time.LocalTime.of(11, 0);

  private final Outbox outbox;
  private final Recipients recipients;
  private final Calendar calendar;
  private final io.carebook.scheduling.OnlineBooking onlineBooking;
  private final MessageTemplates templates;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Seals seals;
  private final String baseUrl;

  Reminders(
      Outbox outbox,
      Recipients recipients,
      Calendar calendar,
      io.carebook.scheduling.OnlineBooking onlineBooking,
      MessageTemplates templates,
      PlatformTransactionManager transactions,
      Clock clock,
      Seals seals,
      @org.springframework.beans.factory.annotation.Value(
              "${carebook.base-url:http://localhost:8080}")
          String baseUrl) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.calendar = calendar;
    this.onlineBooking = onlineBooking;
    this.templates = templates;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.seals = seals;
    this.baseUrl = baseUrl;
  }

  @Async
  @TransactionalEventListener
  void on(AppointmentBooked event) {
    inClinic(
        event.tenantId(),
        event.clinicId(),
        () -> {
          // a patient who booked online is sent their manage link: on BookingConfirmed
          if (!outbox.about(event.appointmentId(), BOOKED)
              && !onlineBooking.bookedWithManageLink(event.appointmentId())) {
            schedule(event.appointmentId(), event.patientId(), event.doctorId(), event.startsAt());
          }
        });
  }

  /**
   * A patient booked online: the confirmation and reminders carry their private link to move or
   * cancel, and the confirmation an add-to-calendar file behind the same link; its token is the
   * secret, kept masked and sealed in the outbox.
   */
  @Async
  @TransactionalEventListener
  void on(io.carebook.scheduling.OnlineBooking.BookingConfirmed event) {
    inClinic(
        event.tenantId(),
        event.clinicId(),
        () -> {
          if (outbox.about(event.appointmentId(), BOOKED)) {
            return;
          }
          var recipient =
              recipients.of(
                  event.patientId(), event.clinicId(), event.doctorId(), event.startsAt());
          if (recipient == null) {
            return;
          }
          var manage = seals.open(event.manageLink());
          var secret = OneTimeSecret.tokenOf(manage);
          var withLinks =
              recipient
                  .withLink(manage)
                  .with("calendar", io.carebook.scheduling.OnlineBooking.calendarFileOf(manage));
          write(
              withLinks,
              BOOKED,
              MessageTemplates.ONLINE,
              event.appointmentId(),
              clock.instant(),
              secret);
          for (var at : plan(recipient).times(event.startsAt(), clock.instant())) {
            write(withLinks, REMINDER, "", event.appointmentId(), at, secret);
          }
        });
  }

  @Async
  @TransactionalEventListener
  void on(AppointmentRescheduled event) {
    inClinic(
        event.tenantId(),
        event.clinicId(),
        () -> {
          outbox.cancelPending(event.appointmentId(), "The appointment was moved.");
          var appointment = calendar.get(event.appointmentId());
          var recipient =
              recipients.of(
                  appointment.patientId(), event.clinicId(), event.doctorId(), event.startsAt());
          if (recipient != null) {
            write(recipient, RESCHEDULED, event.appointmentId(), clock.instant());
            reminders(recipient, event.appointmentId(), event.startsAt());
          }
        });
  }

  @Async
  @TransactionalEventListener
  void on(AppointmentCanceled event) {
    inClinic(
        event.tenantId(),
        event.clinicId(),
        () -> {
          outbox.cancelPending(event.appointmentId(), "The appointment was canceled.");
          if (event.startsAt().isBefore(clock.instant())) {
            return;
          }
          var appointment = calendar.get(event.appointmentId());
          var recipient =
              recipients.of(
                  appointment.patientId(), event.clinicId(), event.doctorId(), event.startsAt());
          if (recipient != null) {
            write(recipient, CANCELED, event.appointmentId(), clock.instant());
          }
        });
  }

  @Async
  @TransactionalEventListener
  void on(WaitlistOfferMade event) {
    inClinic(
        event.tenantId(),
        event.clinicId(),
        () -> {
          var recipient =
              recipients.of(event.patientId(), event.clinicId(), null, event.startsAt());
          if (recipient != null) {
            write(recipient, OFFER, null, clock.instant());
          }
        });
  }

  /** After a visit is done: how is the patient, the next day. */
  @Async
  @TransactionalEventListener
  void on(io.carebook.frontdesk.VisitEvents.VisitCompleted event) {
    inClinic(
        event.tenantId(),
        event.clinicId(),
        () -> {
          // one follow-up a day, however many visits (and however often the event is retried)
          if (outbox.toPatientSince(
              event.patientId(), FOLLOW_UP, event.at().minus(java.time.Duration.ofHours(20)))) {
            return;
          }
          var doctor = event.doctorId() == null ? null : new UserId(event.doctorId());
          var recipient = recipients.of(event.patientId(), event.clinicId(), doctor, event.at());
          if (recipient != null) {
            var zone = recipient.clinic().timezone();
            var due =
                event.at().atZone(zone).toLocalDate().plusDays(1).atTime(FOLLOW_UP_AT).atZone(zone);
            write(recipient, FOLLOW_UP, null, due.toInstant());
          }
        });
  }

  /** A payment link for an invoice: to the patient, on their channel; all of it is secret. */
  @Async
  @TransactionalEventListener
  void on(io.carebook.billing.PaymentLinkCreated event) {
    sendLink(
        event.tenantId(),
        event.clinicId(),
        event.patientId(),
        PAYMENT_LINK,
        event.url(),
        url -> url,
        (url, language) -> url);
  }

  /**
   * The patient asked for their prescription: the private link to its PDF, which opens in the
   * language the message is written in, on the patient's channel; its token is the secret.
   */
  @Async
  @TransactionalEventListener
  void on(io.carebook.clinical.PrescriptionCopyRequested event) {
    sendLink(
        event.tenantId(),
        event.clinicId(),
        event.patientId(),
        PRESCRIPTION_COPY,
        event.url(),
        OneTimeSecret::tokenOf,
        (url, language) -> url + "?lang=" + language);
  }

  /**
   * The patient's invoice and receipt: the link to its PDF, which opens in the language the message
   * is written in; its token is the secret.
   */
  @Async
  @TransactionalEventListener
  void on(io.carebook.billing.InvoiceCopies.InvoiceCopyRequested event) {
    sendLink(
        event.tenantId(),
        event.clinicId(),
        event.patientId(),
        RECEIPT,
        event.url(),
        OneTimeSecret::tokenOf,
        (url, language) -> url + "?lang=" + language);
  }

  /**
   * A message now to a patient whose {link} is made from the sealed value for the message's
   * language; the part {@code secretOf} names is kept masked and sealed in the outbox.
   */
  private void sendLink(
      TenantId tenant,
      ClinicId clinic,
      UUID patient,
      String kind,
      SealedSecret sealed,
      UnaryOperator<String> secretOf,
      BiFunction<String, String, String> link) {
    inClinic(
        tenant,
        clinic,
        () -> {
          var recipient = recipients.of(patient, clinic, null, clock.instant());
          if (recipient != null) {
            var value = seals.open(sealed);
            write(
                recipient.withLink(link.apply(value, recipient.locale().getLanguage())),
                kind,
                null,
                clock.instant(),
                secretOf.apply(value));
          }
        });
  }

  private void schedule(UUID appointment, UUID patient, UserId doctor, Instant startsAt) {
    var recipient = recipients.of(patient, TenantContext.clinic(), doctor, startsAt);
    if (recipient == null) {
      return;
    }
    write(recipient, BOOKED, appointment, clock.instant());
    reminders(recipient, appointment, startsAt);
  }

  private void reminders(Recipients.Recipient recipient, UUID appointment, Instant startsAt) {
    for (var at : plan(recipient).times(startsAt, clock.instant())) {
      write(recipient, REMINDER, appointment, at);
    }
  }

  private static ReminderPlan plan(Recipients.Recipient recipient) {
    var settings = recipient.settings();
    return new ReminderPlan(
        settings.reminderMinutes(), settings.quietHours(), recipient.clinic().timezone());
  }

  private void write(
      Recipients.Recipient recipient, String kind, @Nullable UUID appointment, Instant due) {
    write(recipient, kind, appointment, due, null);
  }

  private void write(
      Recipients.Recipient recipient,
      String kind,
      @Nullable UUID appointment,
      Instant due,
      @Nullable String secret) {
    write(recipient, kind, "", appointment, due, secret);
  }

  /** {@code variant}: of the built-in wording ("" the plain one), when the clinic has none. */
  private void write(
      Recipients.Recipient recipient,
      String kind,
      String variant,
      @Nullable UUID appointment,
      Instant due,
      @Nullable String secret) {
    var v = recipient.variables();
    var locale = recipient.locale();
    var text = templates.of(recipient.clinic().id(), kind, variant, locale.getLanguage()).render(v);
    var at = recipient.settings().quietHours().defer(due, recipient.clinic().timezone());
    outbox.schedule(
        new NewMessage(
            recipient.channel(),
            recipient.address(),
            kind,
            locale.getLanguage(),
            text.subject(),
            text.body(),
            at,
            recipient.patientId(),
            appointment,
            v,
            secret));
  }

  private void inClinic(TenantId tenant, ClinicId clinic, Runnable work) {
    TenantContext.run(
        new TenantContext.Scope(tenant, clinic, null, ActorType.SYSTEM),
        () -> transaction.executeWithoutResult(s -> work.run()));
  }
}
