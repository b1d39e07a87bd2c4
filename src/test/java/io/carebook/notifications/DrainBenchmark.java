package io.carebook.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.TestOrganizations;
import io.carebook.tenancy.TenantTransactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * How fast a backlog of due reminders drains (see BENCHMARKS.md; run with {@code
 * bench/notifications.sh [messages]}): loads N due SMS reminders of one clinic straight into the
 * outbox and db-scheduler's queue, then times the application sending every one of them to a local
 * fake Twilio (WireMock) and recording each as SENT.
 */
@Tag("bench")
class DrainBenchmark extends FakeProviders {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired Outbox outbox;
  @Autowired TenantTransactions tenants;
  @LocalServerPort int port;

  @Test
  void drainDueReminders() throws Exception {
    var count = Integer.getInteger("bench.messages", 2_000);
    var clinic = new Clinics(organizations, port, environment);
    // a plan without a monthly message limit: the backlog is far beyond the smaller plans'
    organizations.onPlan(clinic.owner, io.carebook.tenancy.Plan.PRO);
    var sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    clinic.settings(
        Map.of(
            "channels",
            List.of("SMS"),
            "sms",
            Map.of("accountSid", sid, "from", "+15005550006", "authToken", "sms-secret")));
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/2010-04-01/Accounts/" + sid + "/Messages.json"))
            .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMbench\"}")));
    var db = clinic.database;
    var tenant = clinic.owner.tenant().value();
    // one message through the application, for the exact bytes of its task's data
    var first =
        tenants.call(
            clinic.owner.tenant(),
            () ->
                outbox.schedule(
                    new NewMessage(
                        MessageChannel.SMS,
                        "+201000000000",
                        MessageKind.APPOINTMENT_REMINDER,
                        "en",
                        "",
                        "warm-up",
                        Instant.now().plus(Duration.ofHours(1)),
                        null,
                        null,
                        Map.of())));
    var data =
        db.sql("select task_data from scheduled_tasks where task_instance = ?")
            .param(first.toString())
            .query(byte[].class)
            .single();
    var taskName =
        db.sql("select task_name from scheduled_tasks where task_instance = ?")
            .param(first.toString())
            .query(String.class)
            .single();
    db.sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, due_at)
            select ?, gen_random_uuid(), ?, 'SMS', '+2010' || lpad(n::text, 8, '0'),
                   'APPOINTMENT_REMINDER', 'en', '', 'Reminder ' || n, now() + interval '1 hour'
            from generate_series(1, ?) n""")
        .params(tenant, clinic.owner.clinic().value(), count)
        .update();
    db.sql(
            """
            insert into scheduled_tasks (task_name, task_instance, task_data, execution_time,
                                         picked, version)
            select ?, id::text, ?, now() + interval '1 hour', false, 1 from outbox_messages
            where tenant_id = ? and id <> ? and status = 'SCHEDULED'""")
        .params(taskName, data, tenant, first)
        .update();

    var started = System.nanoTime();
    db.sql(
            "update scheduled_tasks set execution_time = now() where task_name = ? and task_instance in (select id::text from outbox_messages where tenant_id = ? and id <> ?)")
        .params(taskName, tenant, first)
        .update();
    var sent = 0L;
    var deadline = started + Duration.ofHours(1).toNanos();
    while (sent < count && System.nanoTime() < deadline) {
      Thread.sleep(500);
      sent =
          db.sql(
                  "select count(*) from outbox_messages where tenant_id = ? and status = 'SENT' and kind = 'APPOINTMENT_REMINDER'")
              .param(tenant)
              .query(Long.class)
              .single();
      PROVIDERS.resetRequests(); // the fake keeps no journal of a hundred thousand requests
    }
    var seconds = (System.nanoTime() - started) / 1e9;
    assertThat(sent).isEqualTo((long) count);
    var report =
        "drained %,d due reminders in %.1f s: %.0f messages/s (db-scheduler threads: %s)%n"
            .formatted(
                count, seconds, count / seconds, environment.getProperty("db-scheduler.threads"));
    var out = Path.of("target/bench/notifications.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }
}
