package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.tenancy.Plan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the request edge costs (issue 18: at most two transactions at the edge besides the work
 * itself, and no row lock on a read): the statements and transactions one API request sends to
 * PostgreSQL, counted by {@link RequestWork} on the request's own thread, for an availability read
 * with an API key, with an access token and a page with a session cookie, and a booking with and
 * without an {@code Idempotency-Key}. Each is measured after one request of the same kind, so
 * nothing is counted that only the first request does.
 *
 * <p>Before the edge's work (edge transactions / statements): availability with an API key 3 / 7 (a
 * FOR UPDATE among them), with an access token 3 / 5, the page 5 / 10 (the session's included), a
 * booking 4 / 9, a booking with a key 6 / 15 besides its own 3 transactions. After: 1 / 1, 1 / 1, 3
 * / 5, 2 / 3 (the key, the clinic's writability), and 1 / 1 with the key claimed and its answer
 * kept in the booking's one transaction. An API answer also no longer pays for the page layout's
 * model (the active clinic's read was a second transaction of every API request): an availability
 * read is one transaction of work, where it was two.
 */
@CarebookTest
class RequestEdgeWorkTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired RequestWork work;
  @LocalServerPort int port;

  private Api desk;
  private Api agent;
  private String doctor;
  private TestOrganizations.Owner owner;
  private LocalDate day;
  private int minute;

  @BeforeEach
  void openAClinicWithAKey() {
    var api = new Api(port);
    owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    desk = api.as(owner.token());
    doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var key =
        desk.post(
            "/api/v1/api-keys",
            Map.of(
                "name",
                "Edge counter",
                "actions",
                List.of("PATIENT_VIEW", "PATIENT_REGISTER", "BOOKING")));
    assertThat(key.status()).as(key.body().toString()).isEqualTo(201);
    agent = new Api(port).withHeader("X-API-Key", key.text("secret"));
    day = LocalDate.now(CAIRO).plusDays(2);
  }

  @Test
  void anAvailabilityReadWithAnApiKey() {
    var read =
        measured(
            "availability with an API key",
            id -> agent.get(availability() + "&" + RequestWork.PARAMETER + "=" + id).status(),
            200);
    assertThat(read.edgeTransactions()).as("the key, its agent and creator: one read").hasSize(1);
    assertThat(read.edgeStatements()).hasSize(1);
    assertThat(read.workTransactions())
        .as("the availability read alone: no page layout's clinic read for an API answer")
        .hasSize(1);
    assertNoRowLock(read);
  }

  @Test
  void anAvailabilityReadWithAnAccessToken() {
    var read =
        measured(
            "availability with an access token",
            id -> desk.get(availability() + "&" + RequestWork.PARAMETER + "=" + id).status(),
            200);
    assertThat(read.edgeTransactions())
        .as("memberships and signing out everywhere: one read")
        .hasSize(1);
    assertThat(read.edgeStatements()).hasSize(1);
    assertThat(read.workTransactions()).hasSize(1);
    assertNoRowLock(read);
  }

  @Test
  void aPageWithASessionCookie() {
    var browser =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var page =
        measured(
            "the patients page with a session cookie",
            id -> browser.get("/patients?" + RequestWork.PARAMETER + "=" + id).statusCode(),
            200);
    assertThat(page.edgeStatements())
        .as("memberships, signing out and the second factor: one read besides the session's")
        .filteredOn(s -> !s.sql().contains("SPRING_SESSION") && !s.sql().startsWith("set local"))
        .hasSize(1);
  }

  @Test
  void aBookingWithoutAnIdempotencyKey() {
    var booking = measured("a booking", id -> book(agent, id), 201);
    assertThat(booking.edgeTransactions()).as("the key, then the clinic's writability").hasSize(2);
  }

  @Test
  void aBookingWithAnIdempotencyKey() {
    var booking =
        measured(
            "a booking with an Idempotency-Key",
            id -> book(agent.withHeader("Idempotency-Key", UUID.randomUUID().toString()), id),
            201);
    assertThat(booking.edgeTransactions()).as("the key's one read").hasSize(1);
    var claim = transactionOf(booking, "insert into idempotency_keys");
    assertThat(transactionOf(booking, "insert into appointments"))
        .as("the key is claimed in the booking's transaction")
        .isEqualTo(claim);
    assertThat(transactionOf(booking, "update idempotency_keys"))
        .as("and its answer kept there")
        .isEqualTo(claim);
    assertThat(booking.workTransactions()).hasSize(1);
  }

  private static int transactionOf(RequestWork.Recording recording, String statement) {
    return recording.statements().stream()
        .filter(s -> s.sql().replaceAll("\\s+", " ").contains(statement))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + statement + " in\n" + recording))
        .transaction();
  }

  private static void assertNoRowLock(RequestWork.Recording recording) {
    assertThat(recording.statements())
        .extracting(s -> s.sql().toLowerCase(java.util.Locale.ROOT))
        .noneMatch(sql -> sql.contains("for update") || sql.contains("for share"));
  }

  private String availability() {
    return "/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day;
  }

  private int book(Api client, String id) {
    var start = day.atTime(8, 0).plusMinutes(15L * minute++).atZone(CAIRO).toInstant();
    var answer =
        client.post(
            "/api/v1/appointments?" + RequestWork.PARAMETER + "=" + id,
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                start.toString(),
                "patient",
                Map.of("fullName", "Edge Patient " + minute)));
    return answer.status();
  }

  /** The second of two requests of the same kind, printed with its statements. */
  private RequestWork.Recording measured(
      String what, Function<String, Integer> request, int expected) {
    assertThat(request.apply("warm-" + UUID.randomUUID())).isEqualTo(expected);
    var id = UUID.randomUUID().toString();
    assertThat(request.apply(id)).isEqualTo(expected);
    var recording = work.of(id);
    System.out.printf(
        "EDGE %s: edge %d transactions, %d statements; work %d transactions, %d statements%n%s",
        what,
        recording.edgeTransactions().size(),
        recording.edgeStatements().size(),
        recording.workTransactions().size(),
        recording.workStatements().size(),
        recording);
    return recording;
  }
}
