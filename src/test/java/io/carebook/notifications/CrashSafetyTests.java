package io.carebook.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.TestOrganizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Thousands of due reminders, sent by Carebook processes that crash, stop and run side by side:
 * every message reaches the provider; a crash repeats at most the sends it cut off; a graceful stop
 * and a second instance repeat none.
 */
class CrashSafetyTests extends FakeProviders {

  static final int MESSAGES = 2_000;

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired Outbox outbox;
  @Autowired TenantTransactions tenants;
  @LocalServerPort int port;
  Clinics clinic;
  String sid;
  String taskName;

  @BeforeEach
  void loadDueMessages() {
    clinic = new Clinics(organizations, port, environment);
    // thousands of SMS: a plan without a monthly message limit
    organizations.onPlan(clinic.owner, io.carebook.tenancy.Plan.PRO);
    sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    // a task name of its own: only the processes this test starts send these messages
    taskName = "send-message-" + sid;
    clinic.settings(
        Map.of(
            "channels",
            List.of("SMS"),
            "sms",
            Map.of("accountSid", sid, "from", "+15005550006", "authToken", "sms-secret")));
    PROVIDERS.stubFor(
        post(urlPathEqualTo(smsPath()))
            .willReturn(
                aResponse().withStatus(201).withFixedDelay(20).withBody("{\"sid\": \"SMc\"}")));
    var sample =
        tenants.call(
            clinic.owner.tenant(),
            () ->
                outbox.schedule(
                    new NewMessage(
                        MessageChannel.SMS,
                        "+201000000000",
                        MessageKind.VISIT_FOLLOW_UP,
                        "en",
                        "",
                        "sample",
                        Instant.now().plus(Duration.ofDays(1)),
                        null,
                        null,
                        Map.of())));
    var data =
        clinic
            .database
            .sql("select task_data from scheduled_tasks where task_instance = ?")
            .param(sample.toString())
            .query(byte[].class)
            .single();
    clinic
        .database
        .sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body)
            select ?, gen_random_uuid(), ?, 'SMS', '+2011' || lpad(n::text, 8, '0'),
                   'APPOINTMENT_REMINDER', 'en', '', 'Reminder ' || n
            from generate_series(1, ?) n""")
        .params(clinic.owner.tenant().value(), clinic.owner.clinic().value(), MESSAGES)
        .update();
    clinic
        .database
        .sql(
            """
            insert into scheduled_tasks (task_name, task_instance, task_data, execution_time,
                                         picked, version)
            select ?, id::text, ?, now() + interval '1 day', false, 1 from outbox_messages
            where tenant_id = ? and kind = 'APPOINTMENT_REMINDER'""")
        .params(taskName, data, clinic.owner.tenant().value())
        .update();
  }

  /** Makes every message due now, once the instances under test are up. */
  void release() {
    clinic
        .database
        .sql("update scheduled_tasks set execution_time = now() where task_name = ?")
        .param(taskName)
        .update();
  }

  String smsPath() {
    return "/2010-04-01/Accounts/" + sid + "/Messages.json";
  }

  long sent() {
    return clinic
        .database
        .sql(
            "select count(*) from outbox_messages where tenant_id = ? and kind = 'APPOINTMENT_REMINDER'"
                + " and status = 'SENT'")
        .param(clinic.owner.tenant().value())
        .query(Long.class)
        .single();
  }

  long picked() {
    return clinic
        .database
        .sql("select count(*) from scheduled_tasks where task_name = ? and picked")
        .param(taskName)
        .query(Long.class)
        .single();
  }

  void awaitSent(long atLeast, Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (sent() < atLeast && System.nanoTime() < deadline) {
      Clinics.sleep(50);
    }
  }

  /** How many times the provider received each of our messages, by our message id. */
  Map<String, Long> receivedPerMessage() {
    return PROVIDERS.findAll(postRequestedFor(urlPathEqualTo(smsPath()))).stream()
        .map(r -> r.getHeader("Idempotency-Key"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  AppProcess start(String name) throws Exception {
    return AppProcess.start(environment, name + "-" + sid, taskName, PROVIDERS.baseUrl());
  }

  @Test
  void aCrashMidDispatchLosesNothingAndRepeatsAtMostTheSendsInFlight() throws Exception {
    long inFlight;
    try (var first = start("crashing")) {
      release();
      awaitSent(MESSAGES / 4, Duration.ofSeconds(60));
      inFlight = picked();
      first.kill();
      inFlight = Math.max(inFlight, picked()); // what the dead process held when it died
    }
    var before = sent();
    assertThat(before).isLessThan(MESSAGES);
    try (var second = start("restarted")) {
      awaitSent(MESSAGES, Duration.ofSeconds(120));
      assertThat(sent()).isEqualTo(MESSAGES);
      second.stop();
    }
    var received = receivedPerMessage();
    assertThat(received).hasSize(MESSAGES);
    var repeats = received.values().stream().mapToLong(n -> n - 1).sum();
    assertThat(repeats).isLessThanOrEqualTo(inFlight);
  }

  @Test
  void aGracefulStopRepeatsNothing() throws Exception {
    try (var first = start("stopping")) {
      release();
      awaitSent(MESSAGES / 4, Duration.ofSeconds(60));
      first.stop();
    }
    assertThat(picked()).isZero();
    try (var second = start("after-stop")) {
      awaitSent(MESSAGES, Duration.ofSeconds(120));
      second.stop();
    }
    assertThat(sent()).isEqualTo(MESSAGES);
    assertThat(receivedPerMessage()).hasSize(MESSAGES).allSatisfy((id, n) -> assertThat(n).isOne());
  }

  @Test
  void twoInstancesSendEachMessageOnce() throws Exception {
    try (var one = start("one");
        var two = start("two")) {
      release();
      awaitSent(MESSAGES, Duration.ofSeconds(120));
      one.stop();
      two.stop();
    }
    assertThat(sent()).isEqualTo(MESSAGES);
    assertThat(receivedPerMessage()).hasSize(MESSAGES).allSatisfy((id, n) -> assertThat(n).isOne());
  }
}
