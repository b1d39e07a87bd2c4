package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A job that sweeps tenants sees each one alone, inside that tenant's own context. */
@CarebookTest
class TenantSweepTests {

  @Autowired Organizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired TenantSweep sweep;
  @Autowired TestOrganizations signUps;
  @Autowired JdbcClient jdbc;
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

  @Test
  void oneOrganizationFailingNeitherStopsTheNextNorKeepsItsOwnWrites() {
    var api = new Api(port);
    var failing = signUps.signUp(api);
    var next = signUps.signUp(api);
    var visited = new ArrayList<TenantId>();
    var done =
        sweep.each(
            "A test",
            List.of(failing.tenant(), next.tenant()),
            tenant -> {
              visited.add(tenant);
              rename(tenant.equals(failing.tenant()) ? failing.clinic() : next.clinic());
              if (tenant.equals(failing.tenant())) {
                throw new IllegalStateException("this organization fails");
              }
            });
    assertThat(done).isEqualTo(1);
    assertThat(visited).containsExactly(failing.tenant(), next.tenant());
    assertThat(clinicName(failing.tenant(), failing.clinic())).isNotEqualTo("Swept");
    assertThat(clinicName(next.tenant(), next.clinic())).isEqualTo("Swept");
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void aListenerEntersTheEventsClinicAndItsWritesAreTheSystems() {
    var owner = signUps.signUp(new Api(port));
    TenantScoped event = new ClinicCreated(owner.tenant(), owner.clinic(), java.time.Instant.now());
    tenants.inClinic(
        event,
        () -> {
          var scope = TenantContext.current().orElseThrow();
          assertThat(scope.tenant()).isEqualTo(owner.tenant());
          assertThat(scope.clinic()).isEqualTo(owner.clinic());
          assertThat(scope.user()).isNull();
          assertThat(scope.actor()).isEqualTo(ActorType.SYSTEM);
          rename(owner.clinic());
        });
    var lastWrite =
        tenants.call(
            owner.tenant(),
            () ->
                jdbc.sql(
                        "select actor_type from audit_log where entity_type = 'clinics'"
                            + " and position(? in entity_id) > 0 and action = 'UPDATE'"
                            + " order by id desc limit 1")
                    .param(owner.clinic().toString())
                    .query(String.class)
                    .single());
    assertThat(lastWrite).isEqualTo("SYSTEM");
  }

  private void rename(ClinicId clinic) {
    jdbc.sql("update clinics set name = 'Swept' where id = ?").param(clinic.value()).update();
  }

  private String clinicName(TenantId tenant, ClinicId clinic) {
    return tenants.call(
        tenant,
        () ->
            jdbc.sql("select name from clinics where id = ?")
                .param(clinic.value())
                .query(String.class)
                .single());
  }
}
