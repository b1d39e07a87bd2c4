package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.PublishedEvents;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.identity.signin.SignInLinks;
import io.carebook.scheduling.OnlineBooking;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox keeps one-time links and codes to their recipients: only owners and managers read a
 * clinic's messages, every read is logged, links and codes are masked in what is stored and shown,
 * and no event publication holds a token, a code or an address in clear.
 */
@CarebookTest
class OutboxSecretsTests {

  private static final Pattern INVITATION =
      Pattern.compile("invitations/accept\\?token=([A-Za-z0-9_-]+)");
  private static final Pattern RESET =
      Pattern.compile("password-reset/new\\?token=([A-Za-z0-9_-]+)");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired TenantTransactions tenants;
  @Autowired Outbox outbox;
  @Autowired OnlineBooking onlineBooking;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  Clinics clinic;
  JdbcClient database;
  Instant started;

  @BeforeEach
  void openClinic() {
    started = Instant.now().minusSeconds(1);
    PublishedEvents.capture(environment);
    clinic = new Clinics(organizations, port, environment);
    database = OwnerDatabase.jdbc(environment);
  }

  @Test
  void receptionistCannotReadTheOutbox() {
    var receptionist = organizations.join(new Api(port), clinic.owner, "RECEPTIONIST");
    var ownerToBe = "next-owner-" + UUID.randomUUID() + "@example.test";
    invite(ownerToBe, "OWNER");
    var token = organizations.linkToken(clinic.owner.tenant(), ownerToBe, INVITATION);

    var desk = WebSession.signIn(port, receptionist.email(), TestOrganizations.PASSWORD);
    var page = desk.get("/outbox");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain(token).doesNotContain(ownerToBe);
    assertThat(desk.get("/messages/failed").statusCode()).isEqualTo(403);
    assertThat(desk.get("/").body()).doesNotContain("href=\"/outbox\"");
    var api = new Api(port).as(receptionist.token());
    assertThat(api.get("/api/v1/messages/failed").status()).isEqualTo(403);
  }

  /** Generated from the matrix: every role reads the clinic's messages exactly as it says. */
  @Test
  void everyRoleReadsTheClinicsMessagesExactlyAsThePermissionMatrixSays() {
    organizations.onPlan(clinic.owner, io.carebook.tenancy.Plan.PRO); // room for every role
    var expected = new java.util.HashMap<Role, Integer>();
    var actual = new java.util.HashMap<Role, List<Integer>>();
    for (var role : Role.values()) {
      var allowed = PermissionMatrix.allows(role, Action.VIEW_MESSAGES, VisitState.NONE);
      expected.put(role, allowed ? 200 : 403);
      String email;
      String token;
      if (role == Role.OWNER) {
        email = clinic.owner.email();
        token = clinic.owner.token();
      } else {
        var member = organizations.join(new Api(port), clinic.owner, role.name());
        email = member.email();
        token = member.token();
      }
      var web =
          role == Role.OWNER || role == Role.DOCTOR
              ? WebSession.signIn(
                  port,
                  email,
                  TestOrganizations.PASSWORD,
                  organizations.authenticator(email).nextCode())
              : WebSession.signIn(port, email, TestOrganizations.PASSWORD);
      var page = web.get("/outbox");
      actual.put(
          role,
          List.of(
              // a 200 is the outbox itself, not a page the sign-in was sent to instead
              page.statusCode() == 200 && !page.body().contains("id=\"secrets-masked\"")
                  ? -1
                  : page.statusCode(),
              web.get("/messages/failed").statusCode(),
              new Api(port).as(token).get("/api/v1/messages/failed").status()));
    }
    for (var role : Role.values()) {
      var status = expected.get(role);
      assertThat(actual.get(role)).as(role.name()).containsOnly(status);
    }
  }

  @Test
  void ownerSeesInvitationLinksMaskedInTheOutbox() {
    var invitee = "masked-" + UUID.randomUUID() + "@example.test";
    invite(invitee, "MANAGER");
    var token = organizations.linkToken(clinic.owner.tenant(), invitee, INVITATION);

    var owner = ownerSession();
    var page = owner.get("/outbox");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(invitee)
        .contains("invitations/accept?token=&bull;&bull;&bull;&bull;&bull;&bull;")
        .doesNotContain(token);
    var stored =
        database
            .sql(
                "select body || variables::text || coalesce(encode(secret_encrypted, 'escape'), '')"
                    + " from outbox_messages where tenant_id = ? and recipient = ?")
            .params(clinic.owner.tenant().value(), invitee)
            .query(String.class)
            .single();
    assertThat(stored).contains("token=" + OneTimeSecret.MASK).doesNotContain(token);
    // the invitation still works: it was delivered with its token
    var accepted =
        new Api(port)
            .post(
                "/api/v1/invitations/accept",
                Map.of("token", token, "name", "Masked", "password", TestOrganizations.PASSWORD));
    assertThat(accepted.status()).isEqualTo(204);
  }

  @Test
  void anotherClinicsMessagesStayOutOfTheOutbox() {
    var other = new Clinics(organizations, port, environment);
    var theirs = "theirs-" + UUID.randomUUID() + "@example.test";
    other.desk.post("/api/v1/invitations", Map.of("email", theirs, "roles", List.of("DOCTOR")));
    organizations.linkToken(other.owner.tenant(), theirs, INVITATION);
    assertThat(ownerSession().get("/outbox").body()).doesNotContain(theirs);
  }

  @Test
  void outboxReadsAreLogged() {
    var owner = ownerSession();
    assertThat(owner.get("/outbox").statusCode()).isEqualTo(200);
    assertThat(owner.get("/messages/failed").statusCode()).isEqualTo(200);
    assertThat(clinic.desk.get("/api/v1/messages/failed").status()).isEqualTo(200);
    var reads =
        database
            .sql(
                """
                select count(*) from audit_log
                 where tenant_id = ? and kind = 'ACCESS' and action = 'VIEW'
                   and entity_type = 'outbox_messages' and entity_id = ? and actor_id = ?::uuid""")
            .params(clinic.owner.tenant().value(), clinic.owner.clinic().toString(), clinic.doctor)
            .query(Long.class)
            .single();
    assertThat(reads).isEqualTo(3);
  }

  @Test
  void eventPublicationsHoldNoTokenInClear() {
    var invitee = "event-" + UUID.randomUUID() + "@example.test";
    invite(invitee, "DOCTOR");
    var invitation = organizations.linkToken(clinic.owner.tenant(), invitee, INVITATION);
    assertThat(
            new Api(port)
                .post("/api/v1/password-resets", Map.of("email", clinic.owner.email()))
                .status())
        .isEqualTo(202);
    var reset = organizations.linkToken(TenantId.PLATFORM, clinic.owner.email(), RESET);
    signInLinks.request(clinic.owner.email(), "192.0.2.10");
    var signInLink =
        organizations.linkToken(
            TenantId.PLATFORM,
            clinic.owner.email(),
            Pattern.compile("signin/link/open\\?token=([A-Za-z0-9_-]+)"));
    var phone = "+20109" + (1000000 + new java.util.Random().nextInt(8999999));
    onlineBooking.request(
        slug(), UserId.of(clinic.doctor), Clinics.at(3, 11), "Online Patient", phone, "192.0.2.9");
    var code = organizations.linkToken(clinic.owner.tenant(), phone, Pattern.compile("(\\d{6})"));

    var serialized = PublishedEvents.since(environment, started);
    assertThat(serialized)
        .contains("ciphertext")
        .doesNotContain(invitation)
        .doesNotContain(reset)
        .doesNotContain(signInLink)
        .doesNotContain(code)
        .doesNotContain(invitee)
        .doesNotContain(clinic.owner.email())
        .doesNotContain(phone);
    // nor does the outbox keep them in clear
    assertThat(storedMessages(clinic.owner.tenant()) + storedMessages(TenantId.PLATFORM))
        .doesNotContain(invitation)
        .doesNotContain(reset)
        .doesNotContain(signInLink)
        .doesNotContain(code);
  }

  @Test
  void deliveredMessagesForgetTheirSecret() {
    // a developer's outbox keeps secrets to show them; a real one forgets them once delivered
    var states = new DeliveryStates(jdbc, false);
    var id =
        tenants.call(
            clinic.owner.tenant(),
            () ->
                outbox.schedule(
                    new NewMessage(
                            MessageChannel.SMS,
                            "+201001110000",
                            MessageKind.BOOKING_CODE,
                            "en",
                            "",
                            "424242 is your code",
                            Instant.now().plus(Duration.ofDays(1)),
                            null,
                            null,
                            Map.of())
                        .withSecret("424242")));
    var before = tenants.call(clinic.owner.tenant(), () -> outbox.find(id));
    assertThat(before.message().body()).isEqualTo("424242 is your code");

    tenants.run(
        clinic.owner.tenant(),
        () -> states.sent(id, MessageChannel.SMS, new Channel.Sent("test", null)));

    var after = tenants.call(clinic.owner.tenant(), () -> outbox.find(id));
    assertThat(after.message().body()).isEqualTo(OneTimeSecret.MASK + " is your code");
    assertThat(
            database
                .sql("select secret_encrypted is null from outbox_messages where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  private void invite(String email, String role) {
    var invited =
        clinic.desk.post("/api/v1/invitations", Map.of("email", email, "roles", List.of(role)));
    assertThat(invited.status()).as(invited.body().toString()).isEqualTo(201);
  }

  private WebSession ownerSession() {
    return WebSession.signIn(
        port, clinic.owner.email(), TestOrganizations.PASSWORD, clinic.owner.app().nextCode());
  }

  private String slug() {
    return database
        .sql("select slug from clinics where id = ?")
        .param(clinic.owner.clinic().value())
        .query(String.class)
        .single();
  }

  private String storedMessages(TenantId tenant) {
    return database
        .sql(
            "select coalesce(string_agg(body || variables::text, ' '), '') from outbox_messages"
                + " where tenant_id = ?")
        .param(tenant.value())
        .query(String.class)
        .single();
  }

  @Test
  void failedMessagesPageNewestFirstInTheDatabaseAndShowNoOtherClinics() {
    var failed = new java.util.ArrayList<String>();
    var hourAgo = Instant.now().minusSeconds(3600);
    for (int i = 0; i < 7; i++) {
      failed.addFirst(failedMessage(clinic, hourAgo.plusSeconds(i * 60)));
    }
    failedMessage(clinic, hourAgo); // the same instant as the oldest: the id decides
    var whole = io.carebook.PageWalk.whole(clinic.desk, "/api/v1/messages/failed");
    assertThat(whole).hasSize(8).startsWith(failed.subList(0, 6).toArray(String[]::new));

    var newer = new java.util.ArrayList<String>();
    var walked =
        io.carebook.PageWalk.ids(
            clinic.desk,
            "/api/v1/messages/failed",
            3,
            page -> newer.add(failedMessage(clinic, Instant.now())));
    assertThat(walked)
        .as("newest first; those failing meanwhile are before the cursor")
        .containsExactlyElementsOf(whole)
        .doesNotContainAnyElementsOf(newer);
    io.carebook.PageWalk.tamperedCursorsAreProblems(clinic.desk, "/api/v1/messages/failed");

    var other = new Clinics(organizations, port, environment);
    var theirs = failedMessage(other, Instant.now().minusSeconds(7200));
    var cursor = clinic.desk.get("/api/v1/messages/failed?limit=2").text("next");
    assertThat(
            other
                .desk
                .get("/api/v1/messages/failed?cursor=" + cursor)
                .body()
                .path("items")
                .findValuesAsString("id"))
        .as("a cursor of another organization is only a place in this one's list")
        .containsExactly(theirs);
    assertThat(io.carebook.PageWalk.whole(other.desk, "/api/v1/messages/failed"))
        .containsExactly(theirs);
  }

  /** A message of the clinic that failed at {@code at}, arranged in the table; its id. */
  private String failedMessage(Clinics of, Instant at) {
    var id = UUID.randomUUID();
    database
        .sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind,
              locale, subject, body, status, attempts, last_error, updated_at)
            values (?, ?, ?, 'SMS', '+201001239999', 'APPOINTMENT_BOOKED', 'en', '',
              'Your appointment is booked.', 'FAILED', 3, 'HTTP 500', ?)""")
        .params(
            of.owner.tenant().value(), id, of.owner.clinic().value(), java.sql.Timestamp.from(at))
        .update();
    return id.toString();
  }
}
