package io.carebook.frontdesk;

import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting-room screen: the tokens being called (to the assistant or the doctor, newest first)
 * and the next ones in queue order, in the clinic's language. Patients' names stay off the screen
 * unless the clinic allows first names. The screen opens for a signed-in member or from a secret
 * link that needs no sign-in, so a television in the waiting room can show it all day.
 */
@Service
public class WaitingRoom {

  private static final int CALLING = 4;
  private static final int NEXT = 10;
  private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(30);
  private static final java.time.Duration ROUTE_KEPT = java.time.Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  private final Visits visits;
  private final Scheduling calendar;
  private final PatientDirectory patients;
  private final Organizations organizations;
  private final Permissions permissions;
  private final QueueSignals signals;
  private final Clock clock;
  private final TenantTransactions tenants;
  private final java.util.Map<UUID, Built> built = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, KnownRoute> routes =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A screen as built after the clinic's queue changed at {@code change}, and when. */
  private record Built(long change, Instant at, Screen screen) {}

  WaitingRoom(
      JdbcClient jdbc,
      Visits visits,
      Scheduling calendar,
      PatientDirectory patients,
      Organizations organizations,
      Permissions permissions,
      QueueSignals signals,
      Clock clock,
      TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.visits = visits;
    this.calendar = calendar;
    this.patients = patients;
    this.organizations = organizations;
    this.permissions = permissions;
    this.signals = signals;
    this.clock = clock;
    this.tenants = tenants;
  }

  /** What the screen shows. */
  public record Screen(
      String clinicName, Locale locale, ZoneId zone, List<Call> calling, List<Next> next) {}

  /** A token called to the assistant or the doctor. */
  public record Call(
      int token, VisitState state, String doctor, @Nullable String firstName, Instant at) {}

  /** A token waiting its turn. */
  public record Next(int token, String doctor, @Nullable String firstName) {}

  /** The screen of the active clinic, for a member who may see the queue. */
  @Transactional(readOnly = true)
  public Screen screen() {
    permissions.require(Action.PATIENT_VIEW);
    return build();
  }

  /**
   * The screen behind a secret link, or empty when the link is unknown or was replaced. Every
   * screen of a clinic shows the same, so it is built once per change of the clinic's queue (and at
   * least every {@link #FRESH}, for the clock of the day), however many screens ask.
   */
  public Optional<Screen> screen(String link) {
    return clinicOf(link)
        .map(
            route -> {
              var change = signals.lastChange(route.clinic()); // read before building
              var now = clock.instant();
              var known = built.get(route.clinic().value());
              if (known != null
                  && known.change() == change
                  && known.at().plus(FRESH).isAfter(now)) {
                return known.screen();
              }
              var screen =
                  tenants.readOnly(
                      TenantContext.Scope.system(route.tenant(), route.clinic()), this::build);
              built.put(route.clinic().value(), new Built(change, now, screen));
              return screen;
            });
  }

  /** The clinic whose screen a secret link opens. */
  public record Route(TenantId tenant, ClinicId clinic) {}

  /**
   * The clinic of a secret link. Screens ask every time the queue changes, so the answer is kept
   * for {@link #ROUTE_KEPT}: a link replaced on another instance still opens its screen there for
   * at most that long (on this instance, not at all).
   */
  public Optional<Route> clinicOf(String link) {
    var now = clock.instant();
    var known = routes.get(link);
    if (known != null && known.until().isAfter(now)) {
      return known.route();
    }
    var route = lookUp(link);
    if (routes.size() > 10_000) {
      routes.clear(); // links are few; a flood of made-up ones must not grow this
    }
    routes.put(link, new KnownRoute(route, now.plus(ROUTE_KEPT)));
    return route;
  }

  private record KnownRoute(Optional<Route> route, Instant until) {}

  private Optional<Route> lookUp(String link) {
    return tenants.readOnly(
        TenantContext.Scope.anonymous(),
        () ->
            jdbc.sql("select * from queue_display_by_hash(?)")
                .param(Secrets.sha256(link))
                .query(
                    (rs, n) ->
                        new Route(
                            new TenantId(rs.getObject(1, UUID.class)),
                            new ClinicId(rs.getObject(2, UUID.class))))
                .optional());
  }

  /** A new secret link to the active clinic's screen; an older link stops working. */
  @Transactional
  public String newLink() {
    permissions.require(Action.SETTINGS_MANAGE);
    var link = Secrets.randomToken();
    jdbc.sql(
            """
            insert into queue_displays (tenant_id, clinic_id, token_hash) values (?, ?, ?)
            on conflict (tenant_id, clinic_id) do update set token_hash = excluded.token_hash,
              created_at = now()""")
        .params(
            TenantContext.tenant().value(), TenantContext.clinic().value(), Secrets.sha256(link))
        .update();
    routes.clear(); // the replaced link stops working here at once
    return "/tv/" + link;
  }

  /** Whether the screen shows patients' first names beside their tokens. */
  @Transactional(readOnly = true)
  public boolean firstNames() {
    return jdbc.sql("select display_first_names from front_desk_settings where clinic_id = ?")
        .param(TenantContext.clinic().value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  @Transactional
  public void firstNames(boolean shown) {
    permissions.require(Action.SETTINGS_MANAGE);
    jdbc.sql(
            """
            insert into front_desk_settings (tenant_id, clinic_id, display_first_names)
            values (?, ?, ?)
            on conflict (tenant_id, clinic_id)
            do update set display_first_names = excluded.display_first_names""")
        .params(TenantContext.tenant().value(), TenantContext.clinic().value(), shown)
        .update();
    signals.changed(TenantContext.clinic()); // the screens show it at once
  }

  private Screen build() {
    var clinic = organizations.activeClinic();
    var today = FrontDesk.tokenDay(clock.instant(), clinic.timezone());
    var queue = visits.ofDay(clinic.id(), today, null, false);
    var doctors =
        calendar.doctors().stream()
            .collect(Collectors.toMap(d -> d.userId().value(), d -> d.name(), (a, b) -> a));
    var names = firstNames() ? patients.names(queue.stream().map(Visit::patientId).toList()) : null;
    var calling =
        queue.stream()
            .filter(v -> v.state() != VisitState.WAITING)
            .sorted(Comparator.comparing(WaitingRoom::calledAt).reversed())
            .limit(CALLING)
            .map(
                v ->
                    new Call(
                        v.token(),
                        v.state(),
                        doctorOf(v, doctors),
                        firstName(names, v),
                        calledAt(v)))
            .toList();
    var next =
        queue.stream()
            .filter(v -> v.state() == VisitState.WAITING)
            .limit(NEXT)
            .map(v -> new Next(v.token(), doctorOf(v, doctors), firstName(names, v)))
            .toList();
    return new Screen(clinic.name(), clinic.locale(), clinic.timezone(), calling, next);
  }

  private static Instant calledAt(Visit visit) {
    return Objects.requireNonNullElse(
        visit.withDoctorAt(), Objects.requireNonNullElse(visit.withAssistantAt(), Instant.EPOCH));
  }

  private static String doctorOf(Visit visit, java.util.Map<UUID, String> doctors) {
    return visit.doctorId() == null ? "" : doctors.getOrDefault(visit.doctorId(), "");
  }

  private static @Nullable String firstName(
      java.util.@Nullable Map<UUID, String> names, Visit visit) {
    if (names == null) {
      return null;
    }
    var name = names.getOrDefault(visit.patientId(), "").strip();
    var space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
