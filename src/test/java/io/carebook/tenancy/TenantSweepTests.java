package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.shared.TenantId;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A job that sweeps tenants sees each one alone, inside that tenant's own context. */
@CarebookTest
class TenantSweepTests {

  @Autowired Organizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired TenantSweep sweep;
  @Autowired TestOrganizations signUps;
  @LocalServerPort int port;

  @Test
  void eachTenantIsVisitedInItsOwnContextAndSeesOnlyItsOwnClinics() {
    var api = new Api(port);
    var first = signUps.signUp(api);
    var second = signUps.signUp(api);
    var seen = new HashMap<TenantId, List<Clinic>>();
    sweep.active(
        "A test",
        tenant -> {
          assertThat(TenantContext.tenant()).isEqualTo(tenant);
          assertThat(TenantContext.current().orElseThrow().actor()).isEqualTo(ActorType.SYSTEM);
          seen.put(tenant, tenants.call(tenant, organizations::clinics));
        });
    assertThat(seen.get(first.tenant())).extracting(Clinic::id).containsExactly(first.clinic());
    assertThat(seen.get(second.tenant())).extracting(Clinic::id).containsExactly(second.clinic());
    assertThat(TenantContext.current()).isEmpty();
  }
}
