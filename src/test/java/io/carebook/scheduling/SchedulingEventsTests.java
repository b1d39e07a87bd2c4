package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantTransactions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Booking publishes {@link AppointmentBooked} with the appointment's tenant, clinic, doctor,
 * patient and start (for the waitlist and webhooks), and writes in its own transaction the row
 * notifications plans the patient's messages from (issue 18). Run in the shared context with
 * Modulith's {@code Scenario}: see {@link io.carebook.CarebookModuleTest} for why.
 */
@CarebookTest
@EnableScenarios
class SchedulingEventsTests {

  @Autowired TestOrganizations organizations;
  @Autowired Scheduling scheduling;
  @Autowired TenantTransactions tenants;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void bookingPublishesAppointmentBookedWithItsScopeDoctorAndPatient(Scenario scenario) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var patient =
        UUID.fromString(
            desk.post("/api/v1/patients", Map.of("fullName", "Amal Module")).text("id"));
    var today = LocalDate.now(ZoneId.of("Africa/Cairo"));
    var slot =
        tenants
            .inClinic(
                owner.tenant(),
                owner.clinic(),
                () ->
                    scheduling.availability(
                        new UserId(UUID.fromString(doctor)), "", today, today.plusDays(3)))
            .getFirst();

    BiFunction<TransactionOperations, ApplicationEventPublisher, Appointment> booking =
        (transactions, events) ->
            tenants.inClinic(
                owner.tenant(),
                owner.clinic(),
                () -> {
                  var booked =
                      scheduling.book(
                          new NewAppointment(
                              new UserId(UUID.fromString(doctor)),
                              slot.startsAt(),
                              "",
                              patient,
                              null,
                              "STAFF"));
                  // the plan's row is written with the booking, in its transaction
                  assertThat(
                          jdbc.sql(
                                  "select kind from appointment_followups where appointment_id = ?")
                              .param(booked.id())
                              .query(String.class)
                              .list())
                      .containsExactly("BOOKED");
                  return booked;
                });

    scenario
        .stimulate(booking)
        .andWaitForEventOfType(AppointmentBooked.class)
        .matchingMappedValue(AppointmentBooked::patientId, patient)
        .toArriveAndVerify(
            booked -> {
              assertThat(booked.tenantId()).isEqualTo(owner.tenant());
              assertThat(booked.clinicId()).isEqualTo(owner.clinic());
              assertThat(booked.doctorId().value().toString()).isEqualTo(doctor);
              assertThat(booked.startsAt()).isEqualTo(slot.startsAt());
            });
  }
}
