package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * A clinic's zone and currency come from its country at sign-up (the API may still choose), and its
 * owner may change them, its name, address and phone later; others may not.
 */
@CarebookTest
class ClinicSettingsTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void signUpInSpainGetsMadridAndEuro() {
    var clinic = signUpWithoutZoneOrCurrency("ES");
    assertThat(clinic.text("timezone")).isEqualTo("Europe/Madrid");
    assertThat(clinic.text("currency")).isEqualTo("EUR");
    assertThat(clinic.text("country")).isEqualTo("ES");
  }

  @Test
  void signUpInEgyptGetsCairoAndPounds() {
    var clinic = signUpWithoutZoneOrCurrency("EG");
    assertThat(clinic.text("timezone")).isEqualTo("Africa/Cairo");
    assertThat(clinic.text("currency")).isEqualTo("EGP");
  }

  @Test
  void signUpInIndiaGetsKolkataAndRupees() {
    var clinic = signUpWithoutZoneOrCurrency("IN");
    assertThat(clinic.text("timezone")).isEqualTo("Asia/Kolkata");
    assertThat(clinic.text("currency")).isEqualTo("INR");
  }

  @Test
  void signUpInMexicoMayChooseAnotherMexicanZone() {
    var api = new Api(port);
    var owner = organizations.signUp(api, "MX", "America/Cancun", "MXN");
    var clinic = api.as(owner.token()).get("/api/v1/clinics/" + owner.clinic());
    assertThat(clinic.text("timezone")).isEqualTo("America/Cancun");
    assertThat(clinic.text("currency")).isEqualTo("MXN");
  }

  @Test
  void signUpWithAnUnknownZoneCurrencyOrCountryIsRefusedFieldByField() {
    var api = new Api(port);
    var form = form("ES");
    form.put("timezone", "Europe/Atlantis");
    form.put("currency", "XYZ");
    var refused = api.post("/api/v1/signups", form);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").findValuesAsString("field"))
        .contains("timezone", "currency");

    var nowhere = form("QQ");
    var unknownCountry = api.post("/api/v1/signups", nowhere);
    assertThat(unknownCountry.status()).isEqualTo(400);
    assertThat(unknownCountry.body().path("errors").findValuesAsString("field"))
        .contains("country");
  }

  @Test
  void ownerEditsClinicZoneAndIsToldWhatHappensToBookings() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "12:00");
    var cairo = ZoneId.of("Africa/Cairo");
    var ten = LocalDate.now(cairo).plusDays(2).atTime(10, 0).atZone(cairo).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                ten.toString(),
                "patient",
                Map.of("fullName", "A")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    var path = "/api/v1/clinics/" + owner.clinic();
    assertThat(desk.get(path).body().path("appointmentsToCome").asLong()).isEqualTo(1);

    var changes = new HashMap<String, Object>();
    changes.put("name", "Clínica Sol");
    changes.put("country", "ES");
    changes.put("address", "Calle Mayor 1, Madrid");
    changes.put("phone", "+34 910 000 000");
    var unconfirmed = desk.put(path, changes, Map.of());
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(unconfirmed.body().path("errors").findValuesAsString("field"))
        .containsExactly("confirmZoneChange");

    changes.put("confirmZoneChange", true);
    var saved = desk.put(path, changes, Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    assertThat(saved.text("timezone")).isEqualTo("Europe/Madrid");
    assertThat(saved.text("currency")).isEqualTo("EUR");
    assertThat(saved.text("address")).isEqualTo("Calle Mayor 1, Madrid");
    assertThat(saved.text("phone")).isEqualTo("+34 910 000 000");
    assertThat(desk.get("/api/v1/appointments/" + booked.text("id")).text("startsAt"))
        .as("the appointment keeps its absolute time")
        .isEqualTo(ten.toString());

    var audited =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select changes -> 'timezone' ->> 'to' from audit_log
                 where tenant_id = ? and entity_type = 'clinics' and action = 'UPDATE'""")
            .param(owner.tenant().value())
            .query(String.class)
            .list();
    assertThat(audited).contains("Europe/Madrid");
  }

  @Test
  void receptionistCannotEditClinicSettings() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var path = "/api/v1/clinics/" + owner.clinic();
    var as = api.as(receptionist.token());
    assertThat(as.get(path).status()).isEqualTo(403);
    var refused =
        as.put(path, Map.of("name", "Mine now", "country", "EG", "currency", "USD"), Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(api.as(owner.token()).get(path).text("currency")).isEqualTo("EGP");
  }

  @Test
  void anotherOrganizationsClinicIsNotFound() {
    var api = new Api(port);
    var mine = organizations.signUp(api);
    var theirs = organizations.signUp(api);
    var as = api.as(mine.token());
    var path = "/api/v1/clinics/" + theirs.clinic();
    assertThat(as.get(path).status()).isEqualTo(404);
    assertThat(as.put(path, Map.of("name", "Taken", "country", "EG"), Map.of()).status())
        .isEqualTo(404);
    assertThat(as.get("/api/v1/clinics/not-a-clinic").status()).isEqualTo(404);
    assertThat(api.as(theirs.token()).get(path).text("name")).doesNotContain("Taken");
  }

  private Api.Response signUpWithoutZoneOrCurrency(String country) {
    var api = new Api(port);
    var owner = organizations.signUp(api, form(country));
    var clinic = api.as(owner.token()).get("/api/v1/clinics/" + owner.clinic());
    assertThat(clinic.status()).as(clinic.body().toString()).isEqualTo(200);
    return clinic;
  }

  private static Map<String, Object> form(String country) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var form = new HashMap<String, Object>();
    form.put("organizationName", "Org " + suffix);
    form.put("clinicName", "Clinic " + suffix);
    form.put("ownerName", "Owner " + suffix);
    form.put("email", "owner-" + suffix + "@example.test");
    form.put("password", TestOrganizations.PASSWORD);
    form.put("country", country);
    form.put("ownerIsDoctor", true);
    return form;
  }
}
