package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.VisitEvents.PatientCheckedIn;
import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.shared.AppointmentId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.InvoiceId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

@CarebookTest
class EventSerializationTests {

  record Reminded(String patient) {}

  /** AppointmentBooked as it was stored before its appointment had an id type of its own. */
  record OldAppointmentBooked(
      TenantId tenantId,
      ClinicId clinicId,
      UUID appointmentId,
      UserId doctorId,
      UUID patientId,
      Instant startsAt) {}

  /** PatientCheckedIn as it was stored before its visit and appointment had id types. */
  record OldPatientCheckedIn(
      TenantId tenantId,
      ClinicId clinicId,
      UUID visitId,
      UUID patientId,
      @Nullable UUID doctorId,
      @Nullable UUID appointmentId,
      int token,
      Priority priority,
      Instant at) {}

  @Autowired EventSerializer events;

  @Test
  void anEventStoredWithAFieldItsRecordDroppedIsStillDelivered() {
    var stored = "{\"patient\":\"p-1\",\"email\":\"dropped@example.test\"}";
    assertThat(events.deserialize(stored, Reminded.class)).isEqualTo(new Reminded("p-1"));
    assertThat(events.serialize(new Reminded("p-2")).toString()).contains("p-2");
  }

  @Test
  void anEventStoredWhenItsIdsWereUuidsReadsBackWithTheirIdTypes() {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var appointment = UUID.randomUUID();
    var patient = UUID.randomUUID();
    var doctor = UserId.random();
    var at = Instant.parse("2026-03-02T09:30:00Z");
    var stored =
        events
            .serialize(new OldAppointmentBooked(tenant, clinic, appointment, doctor, patient, at))
            .toString();

    var booked = events.deserialize(stored, AppointmentBooked.class);

    assertThat(booked)
        .isEqualTo(
            new AppointmentBooked(
                tenant, clinic, new AppointmentId(appointment), doctor, patient, at));
    assertThat(events.serialize(booked).toString()).isEqualTo(stored);
  }

  @Test
  void aVisitEventStoredWhenItsIdsWereUuidsReadsBackWithAndWithoutItsAppointment() {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var visit = UUID.randomUUID();
    var patient = UUID.randomUUID();
    var appointment = UUID.randomUUID();
    var at = Instant.parse("2026-03-02T09:30:00Z");
    var booked =
        new OldPatientCheckedIn(
            tenant, clinic, visit, patient, null, appointment, 7, Priority.NONE, at);
    var walkIn =
        new OldPatientCheckedIn(tenant, clinic, visit, patient, null, null, 8, Priority.NONE, at);

    assertThat(events.deserialize(events.serialize(booked).toString(), PatientCheckedIn.class))
        .isEqualTo(
            new PatientCheckedIn(
                tenant,
                clinic,
                new VisitId(visit),
                patient,
                null,
                new AppointmentId(appointment),
                7,
                Priority.NONE,
                at));
    assertThat(
            events
                .deserialize(events.serialize(walkIn).toString(), PatientCheckedIn.class)
                .appointmentId())
        .isNull();
  }

  @Test
  void anInvoiceIdReadsBackFromThePlainUuidItWasStoredAs() {
    var invoice = UUID.randomUUID();
    var stored =
        "{\"tenantId\":\"%s\",\"clinicId\":\"%s\",\"invoiceId\":\"%s\"}"
            .formatted(TenantId.random(), ClinicId.random(), invoice);

    assertThat(events.deserialize(stored, InvoiceOnly.class).invoiceId())
        .isEqualTo(new InvoiceId(invoice));
  }

  record InvoiceOnly(TenantId tenantId, ClinicId clinicId, InvoiceId invoiceId) {}
}
