package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Forgetting the tenant context is an empty result or an error, never a leak. */
@CarebookTest
class FailClosedTests {

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Environment environment;
  @Autowired io.carebook.scheduling.OnlineBooking onlineBooking;
  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Encryption encryption;
  @Autowired io.carebook.audit.AuditCheckpoints checkpoints;
  @LocalServerPort int port;

  /** A chart with an entry in each of its tables, and an imported list. */
  private static void fillThePatientChart(Api desk) {
    var child = desk.post("/api/v1/patients", Map.of("fullName", "Hidden Child")).text("id");
    var mother = desk.post("/api/v1/patients", Map.of("fullName", "Hidden Mother")).text("id");
    var chart = "/api/v1/patients/" + child;
    var entries =
        java.util.List.of(
            desk.post(chart + "/identifiers", Map.of("kind", "NATIONAL_ID", "value", "HIDDEN1")),
            desk.post(chart + "/contacts", Map.of("name", "Hidden Aunt")),
            desk.post(
                chart + "/consents",
                Map.of("kind", "TREATMENT", "granted", true, "channel", "PAPER")),
            desk.post(chart + "/guardians", Map.of("guardianId", mother)),
            desk.post(chart + "/allergies", Map.of("substance", "Latex", "severity", "MILD")),
            desk.post(chart + "/medications", Map.of("drug", "Hidden drug")),
            desk.postFile(
                chart + "/documents",
                "file",
                "hidden.pdf",
                "application/pdf",
                "%PDF-1.4 hidden".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Map.of()));
    assertThat(entries).allMatch(r -> r.status() == 201);
    assertThat(desk.put(chart + "/tags/hidden", Map.of(), Map.of()).status()).isEqualTo(204);
    var list =
        desk.postFile(
            "/api/v1/patients/imports",
            "file",
            "hidden.csv",
            "text/csv",
            "name\nHidden Imported\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of());
    var importPath =
        "/api/v1/patients/imports/" + list.body().path("patientImport").path("id").asString();
    desk.post(importPath + "/start", Map.of());
    var deadline = System.nanoTime() + 20_000_000_000L;
    while (!desk.get(importPath).text("status").equals("DONE") && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
  }

  /** Vitals, a signed note with an addendum, a finalized prescription with an addendum. */
  private static void fillTheEncounter(Api desk, String visit) {
    var path = "/api/v1/visits/" + visit;
    assertThat(desk.post(path + "/vitals", Map.of("pulse", 70)).status()).isEqualTo(201);
    assertThat(desk.post("/api/v1/note-templates", Map.of("name", "Hidden")).status())
        .isEqualTo(201);
    assertThat(desk.post(path + "/start-doctor", Map.of()).status()).isEqualTo(200);
    assertThat(desk.put(path + "/note", Map.of("assessment", "Hidden"), Map.of()).status())
        .isEqualTo(200);
    desk.post(path + "/note/sign", Map.of());
    assertThat(desk.post(path + "/note/addenda", Map.of("body", "Hidden")).status()).isEqualTo(201);
    var prescription =
        "/api/v1/prescriptions/" + desk.post(path + "/prescriptions", Map.of()).text("id");
    assertThat(desk.post(prescription + "/items", Map.of("drug", "Hidden")).status())
        .isEqualTo(201);
    desk.post(prescription + "/finalize", Map.of());
    assertThat(desk.post(prescription + "/addenda", Map.of("body", "Hidden")).status())
        .isEqualTo(201);
    assertThat(desk.post(prescription + "/send", Map.of()).status()) // the patient's copy link
        .isEqualTo(202);
  }

  @Test
  void withNoTenantSetEveryTenantTableReadsNothingAndRejectsAnInsert() throws Exception {
    // so that every tenant table has rows to hide
    var owner = organizations.signUp(new Api(port));
    new Api(port)
        .as(owner.token())
        .withHeader("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/v1/patients", Map.of("fullName", "Hidden Person"));
    var desk = new Api(port).as(owner.token());
    fillThePatientChart(desk);
    var me = desk.get("/api/v1/me").text("userId");
    desk.put("/api/v1/doctors/" + me + "/profile", Map.of("specialty", "Hidden"), Map.of());
    io.carebook.TestCalendars.openEveryDay(desk, me, "08:00", "20:00");
    var inTwoDays = java.time.LocalDate.now(java.time.ZoneId.of("Africa/Cairo")).plusDays(2);
    desk.post(
        "/api/v1/doctors/" + me + "/day-overrides",
        Map.of("day", inTwoDays.plusDays(1).toString(), "kind", "OFF"));
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId", me,
                "startsAt",
                    inTwoDays
                        .atTime(9, 0)
                        .atZone(java.time.ZoneId.of("Africa/Cairo"))
                        .toInstant()
                        .toString(),
                "patient", Map.of("fullName", "Hidden Appointment")));
    org.assertj.core.api.Assertions.assertThat(booked.status())
        .as(booked.body().toString())
        .isEqualTo(201);
    var waiting =
        desk.post(
            "/api/v1/waitlist",
            Map.of(
                "doctorId",
                me,
                "from",
                inTwoDays.atStartOfDay(java.time.ZoneId.of("Africa/Cairo")).toInstant().toString(),
                "to",
                inTwoDays
                    .plusDays(1)
                    .atStartOfDay(java.time.ZoneId.of("Africa/Cairo"))
                    .toInstant()
                    .toString(),
                "fullName",
                "Hidden Waiting"));
    org.assertj.core.api.Assertions.assertThat(waiting.status()).isEqualTo(201);
    // notifications: a clinic's messaging settings and wording, a patient's preferences
    assertThat(
            desk.put(
                    "/api/v1/notification-settings",
                    Map.of("quietFrom", "22:00", "quietUntil", "07:00"),
                    Map.of())
                .status())
        .isEqualTo(200);
    assertThat(
            desk.put(
                    "/api/v1/message-templates/APPOINTMENT_REMINDER/es",
                    Map.of("subject", "Oculto", "body", "Hola {firstName}"),
                    Map.of())
                .status())
        .isEqualTo(200);
    var quiet = desk.post("/api/v1/patients", Map.of("fullName", "Hidden Quiet")).text("id");
    assertThat(
            desk.put(
                    "/api/v1/patients/" + quiet + "/message-preferences",
                    Map.of("language", "es", "optedOut", true),
                    Map.of())
                .status())
        .isEqualTo(200);
    // the front desk: settings, a token counter, a visit and its history
    assertThat(
            desk.put("/api/v1/front-desk/settings", Map.of("tokenScope", "DOCTOR"), Map.of())
                .status())
        .isEqualTo(200);
    var visit =
        desk.post(
            "/api/v1/visits",
            Map.of("doctorId", me, "patient", Map.of("fullName", "Hidden Walk-in")));
    assertThat(visit.status()).as(visit.body().toString()).isEqualTo(201);
    assertThat(
            desk.post("/api/v1/visits/" + visit.text("id") + "/start-assistant", Map.of()).status())
        .isEqualTo(200);
    fillTheEncounter(desk, visit.text("id"));
    var slug =
        OwnerDatabase.jdbc(environment)
            .sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    desk.post("/api/v1/doctors/" + me + "/calendar-feed", Map.of());
    assertThat(desk.post("/api/v1/front-desk/screen-link", Map.of()).status()).isEqualTo(201);
    // billing: a tax profile, a service, an invoice with a line, issued (its series), paid
    var tax = desk.post("/api/v1/tax-profiles", Map.of("name", "Hidden VAT", "rate", "14"));
    assertThat(tax.status()).isEqualTo(201);
    var service =
        desk.post(
            "/api/v1/services",
            Map.of(
                "code",
                "HIDDEN",
                "name",
                "Hidden service",
                "price",
                "100",
                "taxProfileId",
                tax.text("id")));
    assertThat(service.status()).isEqualTo(201);
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", visit.text("patientId")));
    assertThat(invoice.status()).isEqualTo(201);
    var invoicePath = "/api/v1/invoices/" + invoice.text("id");
    assertThat(desk.post(invoicePath + "/lines", Map.of("serviceId", service.text("id"))).status())
        .isEqualTo(201);
    assertThat(desk.post(invoicePath + "/issue", Map.of()).status()).isEqualTo(200);
    assertThat(
            desk.post(invoicePath + "/payments", Map.of("method", "CASH", "amount", "50")).status())
        .isEqualTo(201);
    // corrected by a credit note, and sent to the patient as a link
    assertThat(
            desk.post(invoicePath + "/credit-notes", Map.of("amount", "10", "reason", "Hidden"))
                .status())
        .isEqualTo(201);
    assertThat(desk.post(invoicePath + "/send", Map.of()).status()).isEqualTo(202);
    // the platform's subscription: a signed provider event, kept once
    var event =
        """
        {"id": "evt_hidden", "type": "customer.subscription.created", "created": %d,
         "data": {"object": {"id": "sub_hidden", "status": "active",
           "metadata": {"tenant_id": "%s", "clinic_id": "%s", "plan": "GROWTH"}}}}"""
            .formatted(java.time.Instant.now().getEpochSecond(), owner.tenant(), owner.clinic());
    var t = java.time.Instant.now().getEpochSecond();
    var stripe =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/webhooks/stripe"))
                    .header(
                        "Stripe-Signature",
                        "t="
                            + t
                            + ",v1="
                            + io.carebook.shared.Hmac.sha256Hex(
                                "whsec_test_carebook", t + "." + event))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(event))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(stripe.body()).contains("APPLIED");
    onlineBooking.request(
        slug,
        io.carebook.shared.UserId.of(me),
        inTwoDays.atTime(10, 0).atZone(java.time.ZoneId.of("Africa/Cairo")).toInstant(),
        "Hidden Online",
        "0109 111 2222",
        "198.51.100.7");
    assertThat( // the countries the public page sends codes to
            desk.put(
                    "/api/v1/booking-rules/phone-countries",
                    Map.of("countries", java.util.List.of("SA")),
                    Map.of())
                .status())
        .isEqualTo(200);
    organizations.onPlan(owner, Plan.PRO); // API keys come with API access
    assertThat(
            desk.post(
                    "/api/v1/api-keys",
                    Map.of("name", "Hidden", "actions", java.util.List.of("PATIENT_VIEW")))
                .status())
        .isEqualTo(201);
    desk.post(
        "/api/v1/invitations",
        Map.of(
            "email",
            "hidden-" + UUID.randomUUID() + "@example.test",
            "roles",
            java.util.List.of("BILLING")));
    tenants.call( // the organization's data key
        owner.tenant(),
        () -> encryption.encrypt(KeyOwner.currentTenant(), "test.field", "1", new byte[] {1}));
    checkpoints.sign(owner.tenant()); // its audit chain and a checkpoint of it
    // a booking's follow-up lives about a second: one in a queue no planner serves stays
    OwnerDatabase.jdbc(environment)
        .sql(
            """
            insert into appointment_followups (tenant_id, clinic_id, appointment_id, kind,
                                               starts_at, queue)
            values (?, ?, ?, 'BOOKED', now(), 'fail-closed-tests')""")
        .params(owner.tenant().value(), owner.clinic().value(), UUID.randomUUID())
        .update();
    var tables =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                where n.nspname = 'public' and c.relkind = 'r'""")
            .query(String.class)
            .list();
    var migrator = OwnerDatabase.jdbc(environment);
    var transaction = new TransactionTemplate(transactions);
    for (var table : tables) {
      assertThat(migrator.sql("select count(*) from " + table).query(Long.class).single())
          .as("rows exist in %s", table)
          .isPositive();
      var visible =
          transaction.execute(
              s -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
      assertThat(visible).as("rows of %s visible without a tenant", table).isZero();
      // a table only the database writes (a security-definer trigger) refuses the role outright
      var insertable =
          jdbc.sql("select has_table_privilege(?, 'INSERT')")
              .param(table)
              .query(Boolean.class)
              .single();
      assertThatThrownBy(
              () ->
                  transaction.executeWithoutResult(
                      s ->
                          jdbc.sql("insert into " + table + " (tenant_id) values (?)")
                              .param(UUID.randomUUID())
                              .update()))
          .as("insert into %s without a tenant", table)
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining(
              insertable
                  ? "violates row-level security policy"
                  : "permission denied for table " + table);
    }
  }
}
