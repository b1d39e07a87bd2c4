package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each clinic's messaging settings. Provider credentials are encrypted with the organization's key,
 * bound to their clinic and field: they never leave the database in the clear, and are never shown
 * again once saved.
 */
@Component
public class NotificationSettings {

  static final Set<String> CHANNELS =
      java.util.Arrays.stream(MessageChannel.values())
          .map(Enum::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final JdbcClient jdbc;
  private final Encryption encryption;

  NotificationSettings(JdbcClient jdbc, Encryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  @Transactional(readOnly = true)
  public ChannelSettings of(ClinicId clinic) {
    return jdbc.sql("select * from notification_settings where clinic_id = ?")
        .param(clinic.value())
        .query((rs, n) -> settings(rs, clinic))
        .optional()
        .orElse(ChannelSettings.defaults());
  }

  /**
   * Saves a clinic's settings; a credential left null keeps the one saved before. {@code
   * expectedVersion} guards against overwriting a change the caller has not seen.
   */
  @Transactional
  public ChannelSettings save(ClinicId clinic, ChannelSettings changed, int expectedVersion) {
    validate(changed);
    var current = of(clinic);
    if (expectedVersion != Math.max(0, current.version())) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED, "stale", "The settings changed since they were read.");
    }
    var row = clinic.value().toString();
    jdbc.sql(
            """
            insert into notification_settings (tenant_id, clinic_id, reminder_minutes, quiet_from,
                quiet_until, channels, sms_account_sid, sms_from, sms_auth_token,
                whatsapp_phone_number_id, whatsapp_access_token, whatsapp_app_secret,
                whatsapp_verify_token, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            on conflict (tenant_id, clinic_id) do update set
              reminder_minutes = excluded.reminder_minutes, quiet_from = excluded.quiet_from,
              quiet_until = excluded.quiet_until, channels = excluded.channels,
              sms_account_sid = excluded.sms_account_sid, sms_from = excluded.sms_from,
              sms_auth_token = excluded.sms_auth_token,
              whatsapp_phone_number_id = excluded.whatsapp_phone_number_id,
              whatsapp_access_token = excluded.whatsapp_access_token,
              whatsapp_app_secret = excluded.whatsapp_app_secret,
              whatsapp_verify_token = excluded.whatsapp_verify_token,
              version = notification_settings.version + 1""")
        .params(
            TenantContext.tenant().value(),
            clinic.value(),
            changed.reminderMinutes().toArray(Integer[]::new),
            changed.quietFrom() == null ? null : Time.valueOf(changed.quietFrom()),
            changed.quietUntil() == null ? null : Time.valueOf(changed.quietUntil()),
            changed.channels().toArray(String[]::new),
            changed.smsAccountSid(),
            changed.smsFrom(),
            seal(row, "sms_auth_token", keep(changed.smsAuthToken(), current.smsAuthToken())),
            changed.whatsappPhoneNumberId(),
            seal(
                row,
                "whatsapp_access_token",
                keep(changed.whatsappAccessToken(), current.whatsappAccessToken())),
            seal(
                row,
                "whatsapp_app_secret",
                keep(changed.whatsappAppSecret(), current.whatsappAppSecret())),
            keep(changed.whatsappVerifyToken(), current.whatsappVerifyToken()))
        .update();
    return of(clinic);
  }

  private static void validate(ChannelSettings s) {
    if (s.reminderMinutes().size() > 5
        || s.reminderMinutes().stream().anyMatch(m -> m < 10 || m > 14 * 24 * 60)) {
      throw ProblemException.invalid(
          "reminderMinutes", "up to 5 reminders, each 10 minutes to 14 days before");
    }
    if (!CHANNELS.containsAll(s.channels())
        || Set.copyOf(s.channels()).size() != s.channels().size()) {
      throw ProblemException.invalid("channels", "each of WHATSAPP, SMS, EMAIL at most once");
    }
    if ((s.quietFrom() == null) != (s.quietUntil() == null)) {
      throw ProblemException.invalid("quietUntil", "quiet hours need both a start and an end");
    }
  }

  private static @Nullable String keep(@Nullable String changed, @Nullable String current) {
    return changed == null || changed.isBlank() ? current : changed.strip();
  }

  private byte @Nullable [] seal(String row, String field, @Nullable String secret) {
    return secret == null
        ? null
        : encryption.encrypt(
            KeyOwner.currentTenant(),
            "notification_settings." + field,
            row,
            secret.getBytes(StandardCharsets.UTF_8));
  }

  private @Nullable String open(ResultSet rs, String field, String row) throws SQLException {
    var sealed = rs.getBytes(field);
    return sealed == null
        ? null
        : new String(
            encryption.decrypt(
                KeyOwner.currentTenant(), "notification_settings." + field, row, sealed),
            StandardCharsets.UTF_8);
  }

  private ChannelSettings settings(ResultSet rs, ClinicId clinic) throws SQLException {
    var row = clinic.value().toString();
    var from = rs.getTime("quiet_from");
    var until = rs.getTime("quiet_until");
    return new ChannelSettings(
        list(rs.getArray("reminder_minutes"), Integer.class),
        from == null ? null : from.toLocalTime(),
        until == null ? null : until.toLocalTime(),
        list(rs.getArray("channels"), String.class),
        rs.getString("sms_account_sid"),
        rs.getString("sms_from"),
        open(rs, "sms_auth_token", row),
        rs.getString("whatsapp_phone_number_id"),
        open(rs, "whatsapp_access_token", row),
        open(rs, "whatsapp_app_secret", row),
        rs.getString("whatsapp_verify_token"),
        rs.getInt("version"));
  }

  private static <T> List<T> list(Array array, Class<T> type) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(type::cast).toList();
  }
}
