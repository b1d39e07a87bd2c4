package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** A clinic whose subscription allows reading only refuses writes with a clear 4xx. */
@CarebookTest
class WriteGuardTests {

  @Autowired TestOrganizations organizations;
  @Autowired Organizations orgs;
  @Autowired TenantTransactions tenants;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(
      value = SubscriptionStatus.class,
      names = {"EXPIRED", "CANCELED", "SUSPENDED"})
  void aReadOnlyClinicRefusesWritesAndStillAnswersReads(SubscriptionStatus status) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var asOwner = api.as(owner.token());
    var existing = asOwner.post("/api/v1/patients", Map.of("fullName", "Before The End"));
    tenants.run(owner.tenant(), () -> orgs.changeSubscriptionStatus(owner.clinic(), status));

    var refused = asOwner.post("/api/v1/patients", Map.of("fullName", "After The End"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/clinic-read-only");
    assertThat(refused.text("detail")).contains("read-only");

    assertThat(asOwner.get("/api/v1/patients/" + existing.text("id")).status()).isEqualTo(200);
    assertThat(asOwner.get("/api/v1/patients?q=After").body().path("items")).isEmpty();
  }

  @Test
  void aTrialPastItsEndIsReadOnlyEvenBeforeTheDailyJobMarksIt() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    OwnerDatabase.jdbc(environment)
        .sql("update clinics set trial_ends_at = ? where id = ?")
        .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), owner.clinic().value())
        .update();
    var refused = api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Too Late"));
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void pastDueKeepsWritingDuringTheGracePeriod() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    tenants.run(
        owner.tenant(),
        () -> orgs.changeSubscriptionStatus(owner.clinic(), SubscriptionStatus.PAST_DUE));
    var written = api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "In Grace"));
    assertThat(written.status()).isEqualTo(201);
  }

  @Test
  void theGuardFollowsTheSubscriptionTable() {
    var now = Instant.parse("2026-06-01T10:00:00Z");
    var later = now.plusSeconds(3600);
    var earlier = now.minusSeconds(3600);
    assertThat(SubscriptionStatus.ACTIVE.allowsWrites(now, null, null)).isTrue();
    assertThat(SubscriptionStatus.TRIAL.allowsWrites(now, later, null)).isTrue();
    assertThat(SubscriptionStatus.TRIAL.allowsWrites(now, earlier, null)).isFalse();
    assertThat(
            SubscriptionStatus.PAST_DUE.allowsWrites(
                now, null, now.minus(SubscriptionStatus.PAST_DUE_GRACE).plusSeconds(1)))
        .isTrue();
    assertThat(
            SubscriptionStatus.PAST_DUE.allowsWrites(
                now, null, now.minus(SubscriptionStatus.PAST_DUE_GRACE)))
        .isFalse();
    for (var closed :
        new SubscriptionStatus[] {
          SubscriptionStatus.CANCELED, SubscriptionStatus.EXPIRED, SubscriptionStatus.SUSPENDED
        }) {
      assertThat(closed.allowsWrites(now, later, now)).isFalse();
    }
  }
}
