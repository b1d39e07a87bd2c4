package io.carebook.frontdesk;

import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active clinic's front desk settings (token scope, first names on the screen) as one versioned
 * record for /api/v1: its version is the settings row's, 0 while the clinic has saved none, bumped
 * by every change of the row.
 */
@Service
public class DeskSettings {

  private final CheckIn checkIn;
  private final WaitingRoom waitingRoom;
  private final Permissions permissions;
  private final JdbcClient jdbc;

  DeskSettings(CheckIn checkIn, WaitingRoom waitingRoom, Permissions permissions, JdbcClient jdbc) {
    this.checkIn = checkIn;
    this.waitingRoom = waitingRoom;
    this.permissions = permissions;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public int version() {
    return jdbc.sql("select version from front_desk_settings where clinic_id = ?")
        .param(TenantContext.clinic().value())
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Sets the token scope, and whether the screen shows first names (unchanged if null), if the
   * settings are still at version {@code expected} (412 otherwise; null expects none), checked
   * under the row's lock and in one transaction with the change.
   */
  @Transactional
  public void save(TokenScope scope, @Nullable Boolean firstNames, @Nullable Integer expected) {
    permissions.require(Action.SETTINGS_MANAGE);
    if (expected != null) {
      ETags.expect(
          expected,
          jdbc.sql("select version from front_desk_settings where clinic_id = ? for update")
              .param(TenantContext.clinic().value())
              .query(Integer.class)
              .optional()
              .orElse(0));
    }
    checkIn.tokenScope(scope);
    if (firstNames != null) {
      waitingRoom.firstNames(firstNames);
    }
  }
}
