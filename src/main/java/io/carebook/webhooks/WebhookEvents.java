package io.carebook.webhooks;

import static io.carebook.webhooks.Payloads.data;

import io.carebook.billing.InvoiceIssued;
import io.carebook.billing.InvoicePaid;
import io.carebook.frontdesk.VisitEvents.PatientCheckedIn;
import io.carebook.frontdesk.VisitEvents.VisitCanceled;
import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.frontdesk.VisitEvents.VisitMarkedNoShow;
import io.carebook.frontdesk.VisitEvents.VisitStarted;
import io.carebook.patients.PatientRegistered;
import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.scheduling.AppointmentEvents.AppointmentCanceled;
import io.carebook.scheduling.AppointmentEvents.AppointmentMarkedNoShow;
import io.carebook.scheduling.AppointmentEvents.AppointmentRescheduled;
import io.carebook.shared.TenantScoped;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns each event an endpoint may receive into one delivery row per endpoint that wants it, in the
 * event's own transaction, just before it commits: the delivery commits with the booking, visit,
 * invoice or patient or not at all, and survives any crash after the commit, with no event
 * publication stored and no transaction of its own. An organization with no endpoint pays one
 * statement per event that writes nothing.
 */
@Component
class WebhookEvents {

  private final Deliveries deliveries;
  private final Payloads payloads;
  private final Clock clock;

  WebhookEvents(Deliveries deliveries, Payloads payloads, Clock clock) {
    this.deliveries = deliveries;
    this.payloads = payloads;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(AppointmentBooked e) {
    write(
        e,
        EventType.APPOINTMENT_BOOKED,
        data(
            "appointmentId", e.appointmentId(),
            "clinicId", e.clinicId(),
            "doctorId", e.doctorId(),
            "patientId", e.patientId(),
            "startsAt", e.startsAt()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(AppointmentRescheduled e) {
    write(
        e,
        EventType.APPOINTMENT_MOVED,
        data(
            "appointmentId", e.appointmentId(),
            "clinicId", e.clinicId(),
            "doctorId", e.doctorId(),
            "patientId", e.patientId(),
            "previousStartsAt", e.previousStart(),
            "startsAt", e.startsAt()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(AppointmentCanceled e) {
    write(
        e,
        EventType.APPOINTMENT_CANCELED,
        data(
            "appointmentId", e.appointmentId(),
            "clinicId", e.clinicId(),
            "doctorId", e.doctorId(),
            "patientId", e.patientId(),
            "startsAt", e.startsAt(),
            "endsAt", e.endsAt()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(AppointmentMarkedNoShow e) {
    write(
        e,
        EventType.APPOINTMENT_NO_SHOW,
        data(
            "appointmentId", e.appointmentId(),
            "clinicId", e.clinicId(),
            "patientId", e.patientId()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(PatientCheckedIn e) {
    write(
        e,
        EventType.VISIT_CHECKED_IN,
        data(
            "visitId", e.visitId(),
            "clinicId", e.clinicId(),
            "patientId", e.patientId(),
            "doctorId", e.doctorId(),
            "appointmentId", e.appointmentId(),
            "token", e.token(),
            "at", e.at()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(VisitStarted e) {
    write(
        e,
        EventType.VISIT_STARTED,
        data(
            "visitId", e.visitId(),
            "clinicId", e.clinicId(),
            "from", e.from().name(),
            "state", e.to().name(),
            "at", e.at()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(VisitCompleted e) {
    write(
        e,
        EventType.VISIT_COMPLETED,
        data(
            "visitId", e.visitId(),
            "clinicId", e.clinicId(),
            "patientId", e.patientId(),
            "doctorId", e.doctorId(),
            "at", e.at()));
  }

  /** Without the reason: free text, which may say more about the patient than an id. */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(VisitCanceled e) {
    write(
        e,
        EventType.VISIT_CANCELED,
        data(
            "visitId", e.visitId(),
            "clinicId", e.clinicId(),
            "from", e.from().name(),
            "at", e.at()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(VisitMarkedNoShow e) {
    write(
        e,
        EventType.VISIT_NO_SHOW,
        data("visitId", e.visitId(), "clinicId", e.clinicId(), "at", e.at()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(InvoiceIssued e) {
    write(
        e,
        EventType.INVOICE_ISSUED,
        data(
            "invoiceId", e.invoiceId(),
            "clinicId", e.clinicId(),
            "patientId", e.patientId(),
            "visitId", e.visitId(),
            "number", e.number(),
            "total", e.total(),
            "issuedAt", e.issuedAt()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(InvoicePaid e) {
    write(
        e,
        EventType.INVOICE_PAID,
        data(
            "invoiceId", e.invoiceId(),
            "clinicId", e.clinicId(),
            "patientId", e.patientId(),
            "total", e.total(),
            "paidAt", e.paidAt()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(PatientRegistered e) {
    write(e, EventType.PATIENT_REGISTERED, data("patientId", e.patientId().value()));
  }

  private void write(TenantScoped event, EventType type, Map<String, @Nullable Object> data) {
    var now = clock.instant();
    deliveries.forEvent(
        event.tenantId(), event.clinicId(), type, payloads.body(type.wireName(), now, data), now);
  }
}
