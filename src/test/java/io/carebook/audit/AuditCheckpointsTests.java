package io.carebook.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import io.carebook.WebSession;
import io.carebook.audit.AuditCheckpoints.Outcome;
import io.carebook.shared.TenantId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain anchored outside the database: a checkpoint the owner downloads tells later whether the
 * rows it covers were rewritten, even by the database's owner role with the chain recomputed.
 */
@CarebookTest
class AuditCheckpointsTests {

  @Autowired TestOrganizations organizations;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired AuditChain chain;
  @Autowired AuditEntries entries;
  @Autowired io.carebook.tenancy.TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Environment environment;
  @LocalServerPort int port;

  Api api;
  Owner owner;
  WebSession session;

  @BeforeEach
  void openClinic() {
    api = new Api(port);
    owner = organizations.signUp(api);
    for (int i = 0; i < 5; i++) {
      api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Anchored " + i));
    }
    session =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
  }

  @Test
  void aCheckpointDownloadedFromTheAuditPageMatchesTheChainItWasSignedFor() {
    assertThat(session.get("/audit/verify").body()).contains("checkpoint-download");
    var download = session.get("/audit/checkpoint");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    var checkpoint = AuditCheckpoint.parse(download.body());
    assertThat(checkpoint.tenant()).isEqualTo(owner.tenant());
    assertThat(checkpoint.seq()).isPositive();

    // later writes extend the chain; the checkpoint still matches what it covered
    api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Written Later"));
    chain.chain(owner.tenant());
    assertThat(checkpoints.verify(owner.tenant(), checkpoint))
        .isEqualTo(new AuditCheckpoints.Verdict(Outcome.MATCHES, null, true));
    var page =
        session.postFile(
            "/audit/verify", "/audit/checkpoint", "checkpoint", "c.json", download.body());
    assertThat(page.body()).contains("data-outcome=\"MATCHES\"");
  }

  @Test
  void aRewriteByTheOwnerRoleWithTheChainRecomputedIsReportedAgainstTheCheckpoint() {
    var download = session.get("/audit/checkpoint").body();
    var checkpoint = AuditCheckpoint.parse(download);
    var rows =
        tenants.call(
            owner.tenant(), () -> entries.find(AuditQuery.everything(), ZoneOffset.UTC, 100));
    var victim = rows.get(rows.size() / 2).id();

    var owners = OwnerDatabase.jdbc(environment);
    owners.sql("alter table audit_log disable trigger audit_log_append_only").update();
    owners.sql("alter table audit_chain disable trigger audit_chain_append_only").update();
    try {
      owners
          .sql("update audit_log set detail = 'nothing to see' where tenant_id = ? and id = ?")
          .params(owner.tenant().value(), victim)
          .update();
      // and the chain recomputed from the start, so that it holds on its own
      owners
          .sql(
              """
              do $$
              declare
                l audit_chain;
                prev bytea := ''::bytea;
                hashes bytea;
              begin
                for l in select * from audit_chain where tenant_id = '%s' order by last_id loop
                  select string_agg(sha256(convert_to(audit_row_text(a), 'UTF8')), ''::bytea
                                    order by u.n)
                    into hashes
                    from unnest(l.ids) with ordinality as u(id, n)
                    join audit_log a on a.tenant_id = l.tenant_id and a.id = u.id;
                  update audit_chain
                     set row_hashes = hashes, prev_hash = prev, link_hash = sha256(prev || hashes)
                   where tenant_id = l.tenant_id and last_id = l.last_id;
                  prev := sha256(prev || hashes);
                end loop;
              end $$"""
                  .formatted(owner.tenant().value()))
          .update();
    } finally {
      owners.sql("alter table audit_chain enable trigger audit_chain_append_only").update();
      owners.sql("alter table audit_log enable trigger audit_log_append_only").update();
    }
    assertThat(chain.firstBroken(owner.tenant())).as("the recomputed chain holds").isEmpty();

    assertThat(checkpoints.verify(owner.tenant(), checkpoint).outcome())
        .isEqualTo(Outcome.REWRITTEN);
    var page =
        session.postFile("/audit/verify", "/audit/checkpoint", "checkpoint", "c.json", download);
    assertThat(page.body()).contains("data-outcome=\"REWRITTEN\"");
  }

  @Test
  void anAlteredCheckpointOrOneOfAnotherOrganizationIsNotTaken() {
    var checkpoint = checkpoints.sign(owner.tenant());
    var altered =
        new AuditCheckpoint(
            checkpoint.tenant(),
            checkpoint.seq() - 1,
            checkpoint.head(),
            checkpoint.signedAt(),
            checkpoint.publicKey(),
            checkpoint.signature());
    assertThat(checkpoints.verify(owner.tenant(), altered).outcome())
        .isEqualTo(Outcome.BAD_SIGNATURE);
    assertThat(checkpoints.verify(TenantId.random(), checkpoint).outcome())
        .isEqualTo(Outcome.OTHER_TENANT);
    var page = session.postFile("/audit/verify", "/audit/checkpoint", "checkpoint", "c.json", "{}");
    assertThat(page.body()).contains("data-outcome=\"INVALID\"");
  }

  @Test
  void theApplicationRoleCannotChangeOrDeleteTheChainOrItsCheckpoints() {
    checkpoints.sign(owner.tenant());
    var transaction = new TransactionTemplate(transactions);
    for (var statement :
        List.of(
            "update audit_chain set link_hash = sha256('x')",
            "update audit_chain set ids = ids",
            "delete from audit_chain",
            "update audit_checkpoints set head_hash = sha256('x')",
            "delete from audit_checkpoints",
            "update audit_log set detail = 'x'",
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
  }

  @Test
  void aRowCommittedLateUnderASmallerIdIsStillLinked() throws Exception {
    // a transaction draws an audit id, then waits while a later one commits and is chained
    var slow = new TransactionTemplate(transactions);
    var started = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var late =
          threads.submit(
              () ->
                  tenants.run(
                      owner.tenant(),
                      () -> {
                        jdbc.sql(
                                "select audit_record('ACCESS', 'VIEW', 'patients', 'late', null,"
                                    + " null, null)")
                            .query()
                            .listOfRows();
                        started.countDown();
                        await(release);
                      }));
      started.await();
      api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Committed First"));
      // the chaining cannot settle past the open transaction; it links what it safely can
      threads.submit(() -> chain.chainEveryTenant()).get();
      release.countDown();
      late.get();
    }
    chain.chain(owner.tenant());
    assertThat(chain.firstBroken(owner.tenant())).isEmpty();
    assertThat(chain.status(owner.tenant()).waiting()).isZero();
    var lateEntry =
        tenants.call(
            owner.tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, null, "patients", "late", "VIEW", null, null, null),
                    ZoneOffset.UTC,
                    1));
    assertThat(lateEntry).singleElement().satisfies(e -> assertThat(e.chainSeq()).isNotNull());
  }

  @Test
  void aNewCheckpointGoesToTheConfiguredAddress() {
    var notary = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    notary.start();
    try {
      notary.stubFor(post(urlEqualTo("/checkpoints")).willReturn(aResponse().withStatus(201)));
      var publisher = new CheckpointPublisher(notary.baseUrl() + "/checkpoints");
      var checkpoint = checkpoints.sign(owner.tenant());
      assertThat(publisher.publish(checkpoint)).isTrue();
      notary.verify(
          postRequestedFor(urlEqualTo("/checkpoints"))
              .withHeader("Content-Type", equalTo("application/json"))
              .withRequestBody(matchingJsonPath("$.tenant", equalTo(owner.tenant().toString())))
              .withRequestBody(
                  matchingJsonPath("$.seq", equalTo(Long.toString(checkpoint.seq())))));
      assertThat(new CheckpointPublisher("").publish(checkpoint)).isFalse();
    } finally {
      notary.stop();
    }
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
