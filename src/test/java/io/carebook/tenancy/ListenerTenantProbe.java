package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A plain {@code @ApplicationModuleListener} that records what its transaction sees: the tenant
 * settings and the clinics row-level security lets it read, for {@link TenantScopedListenersTests}.
 */
@Component
public class ListenerTenantProbe {

  public record Probed(TenantId tenantId, ClinicId clinicId, UUID marker) implements TenantScoped {}

  public record Seen(String tenant, String clinic, String actor, List<UUID> clinics) {}

  private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;

  ListenerTenantProbe(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(Probed event) {
    var settings =
        jdbc.sql(
                "select current_setting('app.tenant_id'), current_setting('app.clinic_id'),"
                    + " current_setting('app.actor_type')")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    var clinics = jdbc.sql("select id from clinics").query(UUID.class).list();
    seen.put(event.marker(), new Seen(settings[0], settings[1], settings[2], clinics));
  }

  public @Nullable Seen seen(UUID marker) {
    return seen.get(marker);
  }
}
