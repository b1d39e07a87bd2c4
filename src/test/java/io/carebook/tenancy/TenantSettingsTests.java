package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext.Scope;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each transaction's tenant reaches PostgreSQL as SET LOCAL commands, which a Citus cluster passes
 * on to its workers (set_config() calls it does not), with values that can only be UUIDs.
 */
class TenantSettingsTests {

  @Test
  void theScopeIsAppliedWithSetLocalCommands() {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var user = new UserId(UUID.randomUUID());
    var commands =
        TenantScopedTransactionManager.apply(Scope.member(tenant, clinic, user, ActorType.AGENT));

    assertThat(commands)
        .doesNotContain("set_config")
        .contains("set local app.tenant_id = '" + tenant + "'")
        .contains("set local app.clinic_id = '" + clinic + "'")
        .contains("set local app.user_id = '" + user + "'")
        .contains("set local app.actor_type = 'AGENT'");
  }

  @Test
  void noScopeSetsEmptySettings() {
    assertThat(TenantScopedTransactionManager.apply(Scope.anonymous()))
        .contains("set local app.tenant_id = ''")
        .contains("set local app.actor_type = 'HUMAN'");
  }
}
