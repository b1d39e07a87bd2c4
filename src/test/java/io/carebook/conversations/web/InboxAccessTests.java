package io.carebook.conversations.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.conversations.Author;
import io.carebook.conversations.ConversationId;
import io.carebook.conversations.Conversations;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Who reaches the inbox: a remote assistant sees only the inbox and the calendar, a doctor gets the
 * matrix's 403, another organization's conversation answers 404; a booking from a conversation's
 * quick-book is written into its transcript; and the requests that need a person — from the public
 * booking page and from an agent — land in the inbox.
 */
@CarebookTest
class InboxAccessTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Conversations conversations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aRemoteAssistantSeesOnlyTheInboxAndTheCalendar() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var waiting = request(owner, "+201001110001", "Wants a Saturday morning");
    var remote = organizations.join(api, owner, "REMOTE_ASSISTANT");
    var browser = WebSession.signIn(port, remote.email(), TestOrganizations.PASSWORD);

    var inbox = browser.get("/inbox");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("+201001110001").contains("Wants a Saturday morning");
    assertThat(inbox.body()).contains("href=\"/inbox\"").contains("href=\"/calendar\"");
    assertThat(inbox.body())
        .doesNotContain("href=\"/patients\"")
        .doesNotContain("href=\"/desk\"")
        .doesNotContain("href=\"/billing\"")
        .doesNotContain("id=\"manage-menu\"");
    assertThat(browser.get("/inbox/" + waiting).statusCode()).isEqualTo(200);
    assertThat(browser.get("/calendar").statusCode()).isEqualTo(200);
    assertThat(browser.get("/").uri().getPath()).isEqualTo("/inbox");
    for (var elsewhere :
        List.of(
            "/patients",
            "/desk",
            "/billing",
            "/clinics",
            "/reports",
            "/staff",
            "/settings/conversations",
            "/permissions")) {
      assertThat(browser.get(elsewhere).statusCode()).as(elsewhere).isEqualTo(403);
    }
    // the API answers as the matrix says: no patient list, but booking
    var token = api.as(remote.token());
    assertThat(token.get("/api/v1/patients").status()).isEqualTo(403);
  }

  @Test
  void aDoctorGetsTheMatrixAnswerAndAnotherOrganizationsConversationIsNotFound() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var doctor = organizations.join(api, owner, "DOCTOR");
    var doctorBrowser =
        WebSession.signIn(
            port,
            doctor.email(),
            TestOrganizations.PASSWORD,
            organizations.authenticator(doctor.email()).nextCode());
    assertThat(doctorBrowser.get("/inbox").statusCode()).isEqualTo(403);
    assertThat(doctorBrowser.get("/calendar").body()).doesNotContain("href=\"/inbox\"");

    var stranger = organizations.signUp(api);
    var theirs = request(stranger, "+201001110002", "Their patient");
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var browser = WebSession.signIn(port, receptionist.email(), TestOrganizations.PASSWORD);
    assertThat(browser.get("/inbox/" + theirs).statusCode()).isEqualTo(404);
    assertThat(browser.get("/inbox/" + theirs + "/transcript").statusCode()).isEqualTo(404);
    assertThat(browser.get("/inbox/not-an-id").statusCode()).isEqualTo(404);
    assertThat(browser.post("/inbox", "/inbox/" + theirs + "/take-over", "").statusCode())
        .isEqualTo(404);
    assertThat(browser.get("/inbox").body()).doesNotContain("+201001110002");
  }

  @Test
  void aCallBackFromThePublicPageAndAnAgentsHandoffLandInTheInbox() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var slug =
        OwnerDatabase.jdbc(environment)
            .sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    var visitor = WebSession.anonymous(port);
    assertThat(visitor.get("/book/" + slug).body()).contains("/book/" + slug + "/call-back");
    var asked =
        visitor.post(
            "/book/" + slug + "/call-back",
            "/book/" + slug + "/call-back",
            "fullName=Layla+Mansour&phone=%2B201001110003&note=Any+evening+next+week");
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("call-back-sent");
    var refused =
        visitor.post(
            "/book/" + slug + "/call-back", "/book/" + slug + "/call-back", "fullName=X&phone=12");
    assertThat(refused.body()).contains("is-invalid").doesNotContain("call-back-sent");

    var key =
        api.as(owner.token())
            .post(
                "/api/v1/api-keys",
                Map.of("name", "Booking agent", "actions", List.of("PATIENT_VIEW", "BOOKING")));
    assertThat(key.status()).as(key.body().toString()).isEqualTo(201);
    var agent = new Api(port).withHeader("X-API-Key", key.text("secret"));
    var handedOff =
        agent.post(
            "/api/v1/handoffs",
            Map.of(
                "phone",
                "+201001110004",
                "summary",
                "Needs a home visit; nothing negotiated fits"));
    assertThat(handedOff.status()).as(handedOff.body().toString()).isEqualTo(201);
    assertThat(handedOff.text("state")).isEqualTo("WAITING");
    var invalid = agent.post("/api/v1/handoffs", Map.of("phone", "12", "summary", "x"));
    assertThat(invalid.status()).isEqualTo(400);
    var strangersPatient =
        agent.post(
            "/api/v1/handoffs",
            Map.of(
                "phone",
                "+201001110005",
                "patientId",
                java.util.UUID.randomUUID().toString(),
                "summary",
                "Unknown patient"));
    assertThat(strangersPatient.status()).isEqualTo(404);

    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var browser = WebSession.signIn(port, receptionist.email(), TestOrganizations.PASSWORD);
    var inbox = browser.get("/inbox").body();
    assertThat(inbox).contains("+201001110003").contains("Layla Mansour");
    assertThat(inbox).contains("+201001110004").contains("nothing negotiated fits");
    var transcript = browser.get("/inbox/" + handedOff.text("conversationId")).body();
    assertThat(transcript).contains("Booking agent");
  }

  @Test
  void aBookingFromAConversationsQuickBookLeavesALineInItsTranscriptAndABookingWithoutOneDoesNot() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var phone = "+2010" + (10_000_000 + (int) (Math.random() * 89_999_999));
    var waiting = request(owner, phone, "Can I come on Thursday?");
    var stranger = organizations.signUp(api);
    var theirs = request(stranger, "+201001110006", "Their patient");
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var browser = WebSession.signIn(port, receptionist.email(), TestOrganizations.PASSWORD);
    var day = LocalDate.now(CAIRO).plusDays(2);

    assertThat(browser.get("/inbox/" + waiting + "/book").uri().getPath()).isEqualTo("/calendar");
    var form =
        browser.get("/calendar/quick-book?doctorId=" + doctor + "&startsAt=" + at(day, 10)).body();
    assertThat(form).contains("action=\"/inbox/" + waiting + "/book\"");
    var booked =
        browser.post("/calendar", "/inbox/" + waiting + "/book", slot(doctor, day, 10, phone));
    assertThat(booked.uri().getPath()).isEqualTo("/inbox/" + waiting);
    assertThat(booked.body()).contains("id=\"inbox-booked\"").contains("Booked: ");
    assertThat(booked.body()).contains(", " + day + " 10:00 (Member RECEPTIONIST)");

    // another organization's conversation: 404, and nothing is booked
    assertThat(
            browser.post("/calendar", "/inbox/" + theirs + "/book", slot(doctor, day, 11, phone)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(404);
    assertThat(booked(desk, day, 11)).isEmpty();
    // the transcript's write is reached only through a booking, never asked for directly
    var appointment = booked(desk, day, 10).getFirst();
    assertThat(
            browser
                .post("/calendar", "/inbox/" + waiting + "/booked?appointmentId=" + appointment, "")
                .statusCode())
        .isEqualTo(404);

    // the calendar's own quick-book books as before and writes into no conversation
    var plain = browser.post("/calendar", "/calendar/book", slot(doctor, day, 12, phone));
    assertThat(plain.uri().getPath()).isEqualTo("/calendar");
    assertThat(booked(desk, day, 12)).hasSize(1);
    var transcript = browser.get("/inbox/" + waiting).body();
    assertThat(transcript.split("Booked: ", -1)).hasSize(2);
    assertThat(browser.get("/inbox/" + waiting + "?lang=ar").body())
        .as("worded in the page's language")
        .contains("تم الحجز: ");
  }

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(CAIRO).toInstant();
  }

  /** The quick-book form's fields for a new patient at {@code hour} of {@code day}. */
  private static String slot(String doctor, LocalDate day, int hour, String phone) {
    return "doctorId="
        + doctor
        + "&startsAt="
        + at(day, hour)
        + "&date="
        + day
        + "&fullName=Inbox+Booked+"
        + hour
        + "&phone="
        + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)
        + "&newPatientOnSharedPhone=true";
  }

  /** The ids of the appointments starting at {@code hour} of {@code day}. */
  private static List<String> booked(Api desk, LocalDate day, int hour) {
    var list =
        desk.get(
            "/api/v1/appointments?from=" + at(day, hour) + "&to=" + at(day, hour).plusSeconds(60));
    assertThat(list.status()).isEqualTo(200);
    var ids = new java.util.ArrayList<String>();
    list.body().path("items").forEach(a -> ids.add(a.path("id").asString()));
    return ids;
  }

  private String request(TestOrganizations.Owner owner, String phone, String summary) {
    ConversationId id =
        tenants.inClinic(
            owner.tenant(),
            owner.clinic(),
            () ->
                conversations.openForRequest(
                    owner.clinic(), phone, null, summary, Author.SYSTEM, null));
    return id.toString();
  }
}
