package io.carebook.notifications;

import io.carebook.scheduling.WaitlistOfferMade;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.SealedSecret;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a patient is written about their care, event by event: the confirmation and reminders of a
 * booking made online (with its private link), an offer from the waitlist, the visit's follow-up,
 * and private links to prescriptions, payments and receipts. Listens after the publisher commits;
 * the event publication registry retries a listener that failed. The messages of bookings made by
 * staff, of moves and of cancellations are planned in batches by {@link AppointmentMessagePlanner},
 * from the rows scheduling writes with the appointment.
 */
@Component
class PatientMessages {

  /** A visit's follow-up goes out the next day at this clinic-local time (quiet hours apply). */
  static final java.time.LocalTime FOLLOW_UP_AT = java.time.LocalTime.of(11, 0);

  private final Outbox outbox;
  private final Recipients recipients;
  private final MessageTemplates templates;
  private final TenantTransactions tenants;
  private final Clock clock;
  private final Seals seals;
  private final String baseUrl;

  PatientMessages(
      Outbox outbox,
      Recipients recipients,
      MessageTemplates templates,
      TenantTransactions tenants,
      Clock clock,
      Seals seals,
      @org.springframework.beans.factory.annotation.Value(
              "${carebook.base-url:http://localhost:8080}")
          String baseUrl) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.templates = templates;
    this.tenants = tenants;
    this.clock = clock;
    this.seals = seals;
    this.baseUrl = baseUrl;
  }

  /**
   * A patient booked online: the confirmation and reminders carry their private link to move or
   * cancel, and the confirmation an add-to-calendar file behind the same link; its token is the
   * secret, kept masked and sealed in the outbox.
   */
  @Async
  @TransactionalEventListener
  void on(io.carebook.scheduling.OnlineBooking.BookingConfirmed event) {
    tenants.inClinic(
        event,
        () -> {
          if (outbox.about(event.appointmentId(), MessageKind.APPOINTMENT_BOOKED)) {
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
              MessageKind.APPOINTMENT_BOOKED,
              MessageTemplates.ONLINE,
              event.appointmentId(),
              clock.instant(),
              secret);
          for (var at : plan(recipient).times(event.startsAt(), clock.instant())) {
            write(
                withLinks, MessageKind.APPOINTMENT_REMINDER, "", event.appointmentId(), at, secret);
          }
        });
  }

  @Async
  @TransactionalEventListener
  void on(WaitlistOfferMade event) {
    tenants.inClinic(
        event,
        () -> {
          var recipient =
              recipients.of(event.patientId(), event.clinicId(), null, event.startsAt());
          if (recipient != null) {
            write(recipient, MessageKind.WAITLIST_OFFER, null, clock.instant());
          }
        });
  }

  /** After a visit is done: how is the patient, the next day. */
  @Async
  @TransactionalEventListener
  void on(io.carebook.frontdesk.VisitEvents.VisitCompleted event) {
    tenants.inClinic(
        event,
        () -> {
          // one follow-up a day, however many visits (and however often the event is retried)
          if (outbox.toPatientSince(
              event.patientId(),
              MessageKind.VISIT_FOLLOW_UP,
              event.at().minus(java.time.Duration.ofHours(20)))) {
            return;
          }
          var doctor = event.doctorId() == null ? null : new UserId(event.doctorId());
          var recipient = recipients.of(event.patientId(), event.clinicId(), doctor, event.at());
          if (recipient != null) {
            var zone = recipient.clinic().timezone();
            var due =
                event.at().atZone(zone).toLocalDate().plusDays(1).atTime(FOLLOW_UP_AT).atZone(zone);
            write(recipient, MessageKind.VISIT_FOLLOW_UP, null, due.toInstant());
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
        MessageKind.PAYMENT_LINK,
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
        MessageKind.PRESCRIPTION_COPY,
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
        MessageKind.RECEIPT,
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
      MessageKind kind,
      SealedSecret sealed,
      UnaryOperator<String> secretOf,
      BiFunction<String, String, String> link) {
    tenants.inClinic(
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

  private static ReminderPlan plan(Recipients.Recipient recipient) {
    var settings = recipient.settings();
    return new ReminderPlan(
        settings.reminderMinutes(), settings.quietHours(), recipient.clinic().timezone());
  }

  private void write(
      Recipients.Recipient recipient, MessageKind kind, @Nullable UUID appointment, Instant due) {
    write(recipient, kind, appointment, due, null);
  }

  private void write(
      Recipients.Recipient recipient,
      MessageKind kind,
      @Nullable UUID appointment,
      Instant due,
      @Nullable String secret) {
    write(recipient, kind, "", appointment, due, secret);
  }

  /** {@code variant}: of the built-in wording ("" the plain one), when the clinic has none. */
  private void write(
      Recipients.Recipient recipient,
      MessageKind kind,
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
}
