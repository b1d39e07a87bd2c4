package io.carebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import io.carebook.WebSession;
import io.carebook.patients.NewPatient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Who changed what, who looked at what, and whether anyone tampered with the record of it. */
@CarebookTest
class AuditTrailTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired AuditEntries entries;
  @Autowired AuditChain chain;
  @Autowired PatientDirectory patients;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Environment environment;
  @Autowired javax.sql.DataSource dataSource;
  @LocalServerPort int port;

  Api api;
  Owner owner;
  UUID ownerId;

  @BeforeEach
  void openClinic() {
    api = new Api(port);
    owner = organizations.signUp(api);
    ownerId = UUID.fromString(api.as(owner.token()).get("/api/v1/me").text("userId"));
  }

  @Test
  void aWriteThroughTheApiIsRecordedWithThePersonAndEveryField() {
    var id =
        api.as(owner.token())
            .post("/api/v1/patients", Map.of("fullName", "Salma Nabil", "phone", "01001112222"))
            .text("id");
    var created = writesTo(owner.tenant(), id);
    assertThat(created)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("INSERT");
              assertThat(e.actorId()).isEqualTo(ownerId);
              assertThat(e.actorType()).isEqualTo("HUMAN");
              assertThat(e.clinicId()).isEqualTo(owner.clinic().value());
              assertThat(e.patientId()).isEqualTo(UUID.fromString(id));
              assertThat(e.changes().get("full_name").to()).isEqualTo("Salma Nabil");
              assertThat(e.changes().get("phone_e164").to()).isEqualTo("+201001112222");
            });

    api.as(owner.token())
        .put(
            "/api/v1/patients/" + id,
            Map.of("fullName", "Salma Nabil Ali", "phone", "01001112222"),
            Map.of("If-Match", "\"0\""));
    var changed = writesTo(owner.tenant(), id).getFirst();
    assertThat(changed.action()).isEqualTo("UPDATE");
    assertThat(changed.changes()).containsOnlyKeys("full_name", "name_normalized");
    assertThat(changed.changes().get("full_name").from()).isEqualTo("Salma Nabil");
    assertThat(changed.changes().get("full_name").to()).isEqualTo("Salma Nabil Ali");
  }

  @Test
  void plainSqlAsTheApplicationRoleIsRecordedToo() throws Exception {
    var id = UUID.randomUUID();
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("select set_config('app.tenant_id', '" + owner.tenant() + "', true)");
        statement.execute(
            "insert into patients (tenant_id, id, full_name, name_normalized) values ('"
                + owner.tenant()
                + "', '"
                + id
                + "', 'Typed In SQL', 'typed in sql')");
      }
      connection.commit();
    }
    assertThat(writesTo(owner.tenant(), id.toString()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorId()).isNull();
              assertThat(e.actorType()).isEqualTo("SYSTEM");
              assertThat(e.dbUser())
                  .isEqualTo(environment.getProperty("spring.datasource.username"));
            });
  }

  @Test
  void aBackgroundJobIsRecordedAsTheSystem() {
    var patient =
        tenants.call(
            owner.tenant(),
            () -> patients.register(new NewPatient("Job Import", null, null, null)));
    assertThat(writesTo(owner.tenant(), patient.id().toString()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorType()).isEqualTo("SYSTEM");
              assertThat(e.actorId()).isNull();
            });
  }

  @Test
  void secretsNeverReachTheTrail() {
    var userWrites =
        tenants.call(
            AuditChain.PLATFORM,
            () ->
                entries.find(
                    new AuditQuery(
                        null, null, "users", ownerId.toString(), "INSERT", null, null, null),
                    ZoneOffset.UTC,
                    10));
    assertThat(userWrites)
        .singleElement()
        .satisfies(e -> assertThat(e.changes().get("password_hash").to()).isEqualTo("***"));
  }

  @Test
  void viewingAChartIsLoggedAndOnlyItsOwnTenantSeesIt() {
    var id =
        api.as(owner.token())
            .post("/api/v1/patients", Map.of("fullName", "Viewed Patient"))
            .text("id");
    api.as(owner.token()).get("/api/v1/patients/" + id);
    var views =
        tenants.call(
            owner.tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, UUID.fromString(id), null, null, "VIEW", null, null, null),
                    ZoneOffset.UTC,
                    10));
    assertThat(views)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("ACCESS");
              assertThat(e.actorId()).isEqualTo(ownerId);
              assertThat(e.source()).startsWith(api.clientAddress());
            });

    var other = organizations.signUp(api);
    var seenByOther =
        tenants.call(
            other.tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, UUID.fromString(id), null, null, null, null, null, null),
                    ZoneOffset.UTC,
                    10));
    assertThat(seenByOther).isEmpty();
  }

  @Test
  void theApplicationRoleCannotChangeOrDeleteAuditRows() {
    api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Kept Forever"));
    var transaction = new TransactionTemplate(transactions);
    for (var statement :
        List.of(
            "update audit_log set action = 'FORGED'",
            "update audit_log set actor_id = null",
            "delete from audit_log")) {
      assertThatThrownBy(
              () ->
                  transaction.executeWithoutResult(
                      s -> {
                        jdbc.sql("select set_config('app.tenant_id', ?, true)")
                            .param(owner.tenant().toString())
                            .query()
                            .listOfRows();
                        jdbc.sql(statement).update();
                      }))
          .as(statement)
          .isInstanceOf(DataAccessException.class);
    }
    chain.chain(owner.tenant());
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    s -> {
                      jdbc.sql("select set_config('app.tenant_id', ?, true)")
                          .param(owner.tenant().toString())
                          .query()
                          .listOfRows();
                      jdbc.sql("update audit_log set row_hash = sha256('x')").update();
                    }))
        .as("rewriting a link")
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void changingOneRowAsTheMigrationRoleBreaksTheChainAtExactlyThatRow() {
    for (int i = 0; i < 5; i++) {
      api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Chained " + i));
    }
    chain.chain(owner.tenant());
    assertThat(chain.firstBroken(owner.tenant())).isEmpty();
    var rows =
        tenants.call(
            owner.tenant(), () -> entries.find(AuditQuery.everything(), ZoneOffset.UTC, 100));
    var victim = rows.get(rows.size() / 2).id();

    var migrator = OwnerDatabase.jdbc(environment);
    migrator.sql("alter table audit_log disable trigger audit_log_append_only").update();
    try {
      migrator
          .sql("update audit_log set detail = 'nothing to see' where tenant_id = ? and id = ?")
          .params(owner.tenant().value(), victim)
          .update();
    } finally {
      migrator.sql("alter table audit_log enable trigger audit_log_append_only").update();
    }
    assertThat(chain.firstBroken(owner.tenant())).contains(victim);
  }

  @Test
  void fiftyConcurrentWritersInOneTenantAreAllRecordedAndTheChainHolds() throws Exception {
    var desk = api.as(owner.token());
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var writes = new java.util.ArrayList<Future<Integer>>();
      for (int i = 0; i < 50; i++) {
        var name = "Concurrent " + i;
        writes.add(
            threads.submit(() -> desk.post("/api/v1/patients", Map.of("fullName", name)).status()));
      }
      for (var write : writes) {
        assertThat(write.get()).isEqualTo(201);
      }
    }
    chain.chainEveryTenant(); // the scheduled pass: it finds the organizations with rows waiting
    var inserts =
        tenants.call(
            owner.tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, null, "patients", null, "INSERT", null, null, null),
                    ZoneOffset.UTC,
                    100));
    assertThat(inserts).hasSize(50).allSatisfy(e -> assertThat(e.chainSeq()).isNotNull());
    assertThat(chain.firstBroken(owner.tenant())).isEmpty();
  }

  @Test
  void aFailedSignInIsASecurityEventOfThePlatform() {
    var refused =
        api.post("/api/v1/tokens", Map.of("email", owner.email(), "password", "not the password"));
    assertThat(refused.status()).isEqualTo(401);
    var failures =
        tenants.call(
            AuditChain.PLATFORM,
            () ->
                entries.find(
                    new AuditQuery(
                        null, null, "user", ownerId.toString(), "SIGN_IN_FAILED", null, null, null),
                    ZoneOffset.UTC,
                    10));
    assertThat(failures)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("SECURITY");
              assertThat(e.detail()).isEqualTo("BadCredentialsException");
            });
  }

  @Test
  void theExplorerShowsOwnersTheTrailAndTheChain() {
    api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Explored Patient"));
    var session =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var page = session.get("/audit?entityType=patients");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Explored Patient").contains("audit-entries");
    var csv = session.get("/audit.csv?entityType=patients");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).contains("full_name: ∅ → Explored Patient");
    chain.chain(owner.tenant());
    assertThat(session.get("/audit/verify").body()).contains("chain-intact");
  }

  private List<AuditEntry> writesTo(TenantId tenant, String entityId) {
    return tenants.call(
        tenant,
        () ->
            entries.find(
                new AuditQuery(null, null, "patients", entityId, null, null, null, null),
                ZoneOffset.UTC,
                10));
  }
}
