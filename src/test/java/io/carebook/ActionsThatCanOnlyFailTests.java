package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Staff are not offered actions that can only fail: such a button is disabled or absent, and the
 * page says why. Making a payment link needs a payment provider set up on the server; marking a
 * no-show needs the appointment's time to have come.
 */
@CarebookTest
class ActionsThatCanOnlyFailTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void paymentLinkButtonIsDisabledWithItsReasonWhenNoPaymentProviderIsSetUp() {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var patient =
        desk.post("/api/v1/patients", Map.of("fullName", "Cash Only", "phone", "+201001237711"))
            .text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    assertThat(desk.post(path + "/issue", Map.of()).status()).isEqualTo(200);

    var page = web(owner).get("/billing/invoices/" + invoice);
    assertThat(page.statusCode()).isEqualTo(200);
    var form = section(page.body(), "id=\"payment-link\"", "</form>");
    assertThat(form)
        .containsPattern(Pattern.compile("<button[^>]*type=\"submit\"[^>]*disabled"))
        .contains("aria-describedby=\"payment-link-unavailable\"")
        .contains("id=\"payment-link-unavailable\"")
        .contains("No online payment provider");
    // and the action itself still refuses, as the page says
    assertThat(desk.post(path + "/payment-link", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void noShowIsNotOfferedBeforeTheAppointmentsTimeButIsOnceItHasCome() {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var tomorrow = LocalDate.now(CAIRO).plusDays(1);
    var future = book(desk, doctor, tomorrow, 10, "+201001237712");
    var past = book(desk, doctor, tomorrow, 11, "+201001237713");
    // the second one took place the day before yesterday
    OwnerDatabase.jdbc(environment)
        .sql(
            "update appointments set starts_at = starts_at - interval '3 days',"
                + " ends_at = ends_at - interval '3 days' where id = ?::uuid")
        .param(past)
        .update();

    var web = web(owner);
    var ahead = web.get("/calendar?date=" + tomorrow).body();
    assertThat(ahead)
        .contains(future)
        .doesNotContain("/calendar/appointments/" + future + "/no-show");
    assertThat(ahead)
        .contains("cb-no-show-later")
        .contains("only once the appointment time has come");

    var before = web.get("/calendar?date=" + tomorrow.minusDays(3)).body();
    assertThat(before).contains("/calendar/appointments/" + past + "/no-show");
    assertThat(before).doesNotContain("cb-no-show-later");
  }

  private static String book(Api desk, String doctor, LocalDate day, int hour, String phone) {
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                day.atTime(hour, 0).atZone(CAIRO).toInstant().toString(),
                "patient",
                Map.of("fullName", "Patient " + hour, "phone", phone)));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    return booked.text("id");
  }

  private WebSession web(TestOrganizations.Owner owner) {
    return WebSession.signIn(
        port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
  }

  private static String section(String html, String from, String to) {
    var start = html.indexOf(from);
    assertThat(start).as("no " + from + " on the page").isNotNegative();
    return html.substring(start, html.indexOf(to, start));
  }
}
