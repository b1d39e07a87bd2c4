package io.carebook.notifications.demo;

import io.carebook.notifications.ChannelSettings;
import io.carebook.notifications.MessageChannel;
import io.carebook.notifications.MessageKind;
import io.carebook.notifications.NotificationSettings;
import io.carebook.notifications.Outbox;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' messages beyond the reminders their bookings already made: quiet hours at
 * night, a patient's question waiting for the staff, and a reminder that failed, so the failed
 * messages page has something to resend.
 */
@Component
@ConditionalOnDemo
@Order(500)
class DemoMessages implements DemoDataLoader {

  private final NotificationSettings settings;
  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final TenantTransactions tenants;

  DemoMessages(
      NotificationSettings settings, Outbox outbox, JdbcClient jdbc, TenantTransactions tenants) {
    this.settings = settings;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    messages(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI);
    messages(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE);
    messages(DemoOrganization.SOL, DemoOrganization.SOL_ROMA);
  }

  /** A clinic's demo messages, unless it has messaging settings already; whether it made them. */
  boolean messages(TenantId tenant, ClinicId clinic) {
    return Boolean.TRUE.equals(
        tenants.inClinic(
            tenant,
            clinic,
            () -> {
              if (settings.of(clinic).version() >= 0) {
                return false;
              }
              settings.save(clinic, nightsQuiet(), 0);
              outbox.received(
                  MessageChannel.SMS,
                  "+201001112233",
                  "Can I come half an hour later?",
                  null,
                  MessageKind.REPLY_OTHER,
                  null);
              failedReminder(tenant, clinic);
              return true;
            }));
  }

  private static ChannelSettings nightsQuiet() {
    return new ChannelSettings(
        ChannelSettings.DEFAULT_REMINDERS,
        LocalTime.of(21, 0),
        LocalTime.of(8, 0),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  private void failedReminder(TenantId tenant, ClinicId clinic) {
    jdbc.sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, status, attempts, provider, last_error)
            values (?, ?, ?, 'SMS', '+20100000000', 'APPOINTMENT_REMINDER', 'en', 'Reminder',
                    'Hello, a reminder of your appointment tomorrow at 10:00.', 'FAILED', 1,
                    'twilio', 'HTTP 400: {"code": 21211, "message": "Invalid ''To'' Phone Number"}')""")
        .params(tenant.value(), UUID.randomUUID(), clinic.value())
        .update();
  }
}
