package io.carebook.tenancy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.Onboarding;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The demo's dashboards show no first-steps checklist: the demo clinics are in use, so each has its
 * steps done or, where one is not (a solo practice invites no staff), the checklist put away.
 */
@CarebookTest
class DemoOnboardingTests {

  @Autowired TestOrganizations organizations;
  @Autowired Onboarding onboarding;
  @Autowired Organizations allOrganizations;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void everyDemoClinicHasItsStepsDoneOrItsChecklistPutAway() {
    new DemoData(
            DemoBeans.loaders(context),
            allOrganizations,
            context.getBean(TenantTransactions.class),
            "true")
        .run(null);

    assertThat(shown(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI)).isFalse();
    assertThat(shown(DemoOrganization.NILE, DemoOrganization.NILE_HELIOPOLIS)).isFalse();
    assertThat(shown(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE)).isFalse();
    assertThat(shown(DemoOrganization.SOL, DemoOrganization.SOL_ROMA)).isFalse();
    assertThat(inScope(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, onboarding::dismissed))
        .as("Nile Dokki has every step done: nothing to put away")
        .isFalse();
  }

  @Test
  void aClinicWithAStepLeftHasItsChecklistPutAwayAndADoneOneIsLeftAlone() {
    var demo = DemoBeans.of(context, DemoOnboarding.class);
    var api = new Api(port);
    var solo = organizations.signUp(api);
    openAndBook(api.as(solo.token()));
    assertThat(shown(solo.tenant(), solo.clinic())).isTrue();

    assertThat(demo.putAwayWhereUnfinished(solo.tenant(), solo.clinic())).isTrue();
    assertThat(shown(solo.tenant(), solo.clinic())).isFalse();

    var team = organizations.signUp(api);
    var desk = api.as(team.token());
    openAndBook(desk);
    desk.post(
        "/api/v1/invitations",
        Map.of(
            "email",
            "desk-" + UUID.randomUUID() + "@example.test",
            "roles",
            List.of("RECEPTIONIST")));
    assertThat(demo.putAwayWhereUnfinished(team.tenant(), team.clinic())).isFalse();
    assertThat(inScope(team.tenant(), team.clinic(), onboarding::dismissed)).isFalse();
  }

  private static void openAndBook(Api desk) {
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "12:00");
    var cairo = ZoneId.of("Africa/Cairo");
    var ten = LocalDate.now(cairo).plusDays(1).atTime(10, 0).atZone(cairo).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                ten.toString(),
                "patient",
                Map.of("fullName", "A")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
  }

  /** Whether the dashboard would show the clinic's checklist, as {@code DashboardPage} decides. */
  private boolean shown(TenantId tenant, ClinicId clinic) {
    return inScope(
        tenant,
        clinic,
        () ->
            !onboarding.dismissed()
                && !onboarding.items().stream().allMatch(Onboarding.Item::done));
  }

  private static <T> T inScope(
      TenantId tenant, ClinicId clinic, java.util.function.Supplier<T> work) {
    return TenantContext.call(
        new TenantContext.Scope(tenant, clinic, null, ActorType.SYSTEM), work::get);
  }
}
