package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import io.carebook.patients.NewPatient;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantTransactions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A booking's rows carry no foreign keys to their organization, clinic, doctor and patient (V1301):
 * the booking proves each of them in its own transaction, and none of them can afterwards be
 * deleted or given another key, by the application or by the migration role, so no appointment or
 * busy time can lose its parent.
 */
@CarebookTest
class BookingParentsTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired Scheduling scheduling;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aBookingForAnUnknownOrAnotherOrganizationsDoctorOrPatientIsNotFoundAndHoldsNothing() {
    var api = new Api(port);
    var x = organizations.signUp(api);
    var y = organizations.signUp(api);
    var atX = api.as(x.token());
    var atY = api.as(y.token());
    var doctor = doctorWithHours(atX);
    var theirDoctor = doctorWithHours(atY);
    var theirPatient = atY.post("/api/v1/patients", Map.of("fullName", "Their Patient")).text("id");
    var start = firstFreeStart(atX, doctor);
    var newPatient = Map.of("fullName", "Asked For");
    var asks =
        List.<Map<String, Object>>of(
            Map.of(
                "doctorId", UUID.randomUUID().toString(), "startsAt", start, "patient", newPatient),
            Map.of("doctorId", theirDoctor, "startsAt", start, "patient", newPatient),
            Map.of(
                "doctorId", doctor, "startsAt", start, "patientId", UUID.randomUUID().toString()),
            Map.of("doctorId", doctor, "startsAt", start, "patientId", theirPatient));
    for (var ask : asks) {
      var refused = atX.post("/api/v1/appointments", ask);
      assertThat(refused.status()).as("%s: %s", ask, refused.body()).isEqualTo(404);
    }
    // nothing was held or written by the refusals: the very slot still books
    var booked =
        atX.post(
            "/api/v1/appointments",
            Map.of("doctorId", doctor, "startsAt", start, "patient", newPatient));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
  }

  @Test
  void aBookingInAClinicOfAnotherOrganizationOrOfNoneIsNotFound() {
    var api = new Api(port);
    var x = organizations.signUp(api);
    var y = organizations.signUp(api);
    var atX = api.as(x.token());
    var doctor = doctorWithHours(atX);
    var start = java.time.Instant.parse(firstFreeStart(atX, doctor));
    var request =
        new NewAppointment(
            new UserId(UUID.fromString(doctor)),
            start,
            "",
            null,
            new NewPatient("Nowhere Patient", null, null, null),
            "STAFF");
    for (var clinic : List.of(y.clinic(), ClinicId.random())) {
      assertThatThrownBy(() -> tenants.inClinic(x.tenant(), clinic, () -> scheduling.book(request)))
          .as("booking at %s", clinic)
          .isInstanceOf(NotFoundException.class);
    }
    assertThat(tenants.inClinic(x.tenant(), x.clinic(), () -> scheduling.book(request)).clinicId())
        .isEqualTo(x.clinic());
  }

  @Test
  void theParentsOfABookingAreNeitherDeletedNorReKeyedByTheApplicationOrTheOwner() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = doctorWithHours(desk);
    var kept = Map.of("fullName", "Kept Patient");
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of("doctorId", doctor, "startsAt", firstFreeStart(desk, doctor), "patient", kept));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    var rows = parents(owner, doctor, booked.text("patientId"));

    for (var row : rows) {
      for (var change : List.of(row.delete(), row.rekey())) {
        assertThatThrownBy(
                () -> tenants.inClinic(owner.tenant(), owner.clinic(), () -> run(jdbc, change)))
            .as("the application: %s", change)
            .isInstanceOf(DataAccessException.class)
            .rootCause()
            .hasMessageMatching("(?s).*(permission denied|keys never change).*");
        assertThatThrownBy(() -> run(OwnerDatabase.jdbc(environment), change))
            .as("the owner: %s", change)
            .isInstanceOf(DataAccessException.class)
            .rootCause()
            .hasMessageContaining("are never deleted and their keys never change");
      }
    }
    for (var row : rows) {
      assertThat(
              OwnerDatabase.jdbc(environment)
                  .sql("select count(*) from " + row.table() + " where id = ?::uuid")
                  .param(row.id())
                  .query(Integer.class)
                  .single())
          .as("%s %s", row.table(), row.id())
          .isEqualTo(1);
    }
  }

  /** A parent row a booking names, and the two ways it could be lost. */
  private record Parent(String table, String id) {
    String delete() {
      return "delete from " + table + " where id = '" + id + "'";
    }

    String rekey() {
      return "update " + table + " set id = gen_random_uuid() where id = '" + id + "'";
    }
  }

  private static List<Parent> parents(Owner owner, String doctor, String patient) {
    return List.of(
        new Parent("tenants", owner.tenant().value().toString()),
        new Parent("clinics", owner.clinic().value().toString()),
        new Parent("users", doctor),
        new Parent("patients", patient));
  }

  private static int run(JdbcClient client, String statement) {
    return client.sql(statement).update();
  }

  /** The signed-in owner, also the clinic's doctor, open every day. */
  private static String doctorWithHours(Api desk) {
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    return doctor;
  }

  private static String firstFreeStart(Api desk, String doctor) {
    var day = LocalDate.now(CAIRO).plusDays(2);
    return desk.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day)
        .body()
        .path("items")
        .get(0)
        .path("startsAt")
        .asString();
  }
}
