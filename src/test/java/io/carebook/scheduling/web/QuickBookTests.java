package io.carebook.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Quick-book in the calendar finds the patient before it registers one: by name, phone or record
 * number as the desk types, and a phone already on file under another name gets no second patient
 * unless the form says so on purpose.
 */
@CarebookTest
class QuickBookTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void quickBookOnAnExistingPhoneOffersThePatientInsteadOfCreatingASecondOne() {
    var clinic = openClinic();
    var amal = clinic.patient("Amal Hassan", "+201001234567");

    var refused = clinic.book("fullName=Omar+Hassan&phone=" + encode("0100 123 4567"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.uri().getQuery()).contains("doctorId=").contains("startsAt=");
    assertThat(refused.body())
        .contains("id=\"shared-phone\"")
        .contains("A family may share one phone")
        .contains("Amal Hassan")
        .contains("name=\"patientId\" value=\"" + amal + "\"")
        .contains("value=\"Omar Hassan\"")
        .doesNotContain("Booked.");
    assertThat(clinic.appointmentPatients()).isEmpty();
    assertThat(clinic.patientsOnPhone("+201001234567")).containsExactly("Amal Hassan");

    // as the desk types the phone, the patient on it is offered, with the reason
    var typing = clinic.web.get("/calendar/patients?fullName=Omar&phone=" + encode("0100 123"));
    assertThat(typing.body()).contains("Amal Hassan").doesNotContain("id=\"shared-phone\"");
    var typed = clinic.web.get("/calendar/patients?fullName=Omar&phone=" + encode("01001234567"));
    assertThat(typed.body()).contains("Amal Hassan").contains("id=\"shared-phone\"");

    // picking her books her
    var booked = clinic.book("patientId=" + amal + "&fullName=Omar+Hassan&phone=01001234567");
    assertThat(booked.body()).contains("Booked.");
    assertThat(clinic.appointmentPatients()).containsExactly("Amal Hassan");
    assertThat(clinic.patientsOnPhone("+201001234567")).containsExactly("Amal Hassan");
  }

  @Test
  void quickBookFindsAPatientByRecordNumber() {
    var clinic = openClinic();
    var id = clinic.patient("Youssef Record", "+201001230001");
    var mrn = clinic.desk.get("/api/v1/patients/" + id).text("medicalRecordNumber");
    clinic.patient("Someone Else", "+201001230002");

    var found = clinic.web.get("/calendar/patients?fullName=" + mrn);
    assertThat(found.body())
        .contains("Youssef Record")
        .contains(mrn)
        .doesNotContain("Someone Else")
        .contains("value=\"" + id + "\"");
    var digitsOnly = mrn.replaceFirst("MRN-0*", "");
    assertThat(clinic.web.get("/calendar/patients?fullName=" + digitsOnly).body())
        .contains("Youssef Record");
  }

  @Test
  void quickBookCreatesASecondPatientOnASharedPhoneOnlyWhenAsked() {
    var clinic = openClinic();
    clinic.patient("Amal Hassan", "+201001234568");

    clinic.book("fullName=Omar+Hassan&phone=01001234568");
    assertThat(clinic.patientsOnPhone("+201001234568")).containsExactly("Amal Hassan");

    var booked = clinic.book("fullName=Omar+Hassan&phone=01001234568&newPatientOnSharedPhone=true");
    assertThat(booked.body()).contains("Booked.");
    assertThat(clinic.patientsOnPhone("+201001234568"))
        .containsExactlyInAnyOrder("Amal Hassan", "Omar Hassan");
    assertThat(clinic.appointmentPatients()).containsExactly("Omar Hassan");

    // the same person typed again is found by the duplicate rule, never registered twice
    clinic.book("fullName=Amal+Hassan&phone=01001234568", 11);
    assertThat(clinic.patientsOnPhone("+201001234568")).hasSize(2);
    assertThat(clinic.appointmentPatients()).containsExactly("Omar Hassan", "Amal Hassan");
  }

  private Clinic openClinic() {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var web =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    return new Clinic(owner, desk, web, doctor);
  }

  private final class Clinic {
    final TestOrganizations.Owner owner;
    final Api desk;
    final WebSession web;
    final String doctor;
    final LocalDate day = LocalDate.now(CAIRO).plusDays(1);

    Clinic(TestOrganizations.Owner owner, Api desk, WebSession web, String doctor) {
      this.owner = owner;
      this.desk = desk;
      this.web = web;
      this.doctor = doctor;
    }

    String patient(String name, String phone) {
      var created = desk.post("/api/v1/patients", Map.of("fullName", name, "phone", phone));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      return created.text("id");
    }

    java.net.http.HttpResponse<String> book(String form) {
      return book(form, 10);
    }

    java.net.http.HttpResponse<String> book(String form, int hour) {
      var startsAt = day.atTime(hour, 0).atZone(CAIRO).toInstant();
      return web.post(
          "/calendar",
          "/calendar/book",
          form + "&doctorId=" + doctor + "&startsAt=" + startsAt + "&date=" + day);
    }

    List<String> appointmentPatients() {
      return OwnerDatabase.jdbc(environment)
          .sql(
              "select p.full_name from appointments a join patients p on p.id = a.patient_id"
                  + " where a.clinic_id = ? order by a.starts_at")
          .param(owner.clinic().value())
          .query(String.class)
          .list();
    }

    List<String> patientsOnPhone(String e164) {
      return OwnerDatabase.jdbc(environment)
          .sql("select full_name from patients where tenant_id = ? and phone_e164 = ?")
          .param(owner.tenant().value())
          .param(e164)
          .query(String.class)
          .list();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
