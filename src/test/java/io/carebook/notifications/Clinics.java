package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A clinic in Cairo open every day 08:00–20:00, whose owner is its doctor, for message tests. */
public final class Clinics {

  static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  public final TestOrganizations.Owner owner;
  public final Api desk;
  final String doctor;
  final JdbcClient database;

  public Clinics(TestOrganizations organizations, int port, Environment environment) {
    this.owner = organizations.signUp(new Api(port));
    this.desk = new Api(port).as(owner.token());
    this.doctor = desk.get("/api/v1/me").text("userId");
    this.database = OwnerDatabase.jdbc(environment);
    var week = new ArrayList<Map<String, String>>();
    for (var day : DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    assertThat(desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of()).status())
        .isEqualTo(200);
  }

  /** 10:00 in Cairo, {@code days} from today. */
  static Instant at(int days, int hour) {
    return LocalDate.now(CAIRO).plusDays(days).atTime(hour, 0).atZone(CAIRO).toInstant();
  }

  /** Books a new patient with a phone; returns the appointment's id. */
  String book(Instant startsAt, String name, String phone) {
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                startsAt.toString(),
                "patient",
                Map.of("fullName", name, "phone", phone)));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    return booked.text("id");
  }

  Api.Response settings(Map<String, Object> settings) {
    var response = desk.put("/api/v1/notification-settings", settings, Map.of());
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response;
  }

  record Message(
      UUID id,
      String kind,
      String status,
      String channel,
      String recipient,
      String locale,
      String body,
      Instant dueAt,
      int attempts,
      String lastError,
      String provider) {}

  List<Message> messages(String appointment) {
    return database
        .sql(
            """
            select id, kind, status, channel, recipient, locale, body, due_at, attempts,
                   last_error, provider
            from outbox_messages where tenant_id = ? and appointment_id = ?::uuid
            order by due_at, created_at""")
        .params(owner.tenant().value(), appointment)
        .query(
            (rs, n) ->
                new Message(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant(),
                    rs.getInt(9),
                    rs.getString(10),
                    rs.getString(11)))
        .list();
  }

  Message message(UUID id) {
    return database
        .sql(
            """
            select id, kind, status, channel, recipient, locale, body, due_at, attempts,
                   last_error, provider
            from outbox_messages where id = ?""")
        .param(id)
        .query(
            (rs, n) ->
                new Message(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant(),
                    rs.getInt(9),
                    rs.getString(10),
                    rs.getString(11)))
        .single();
  }

  /** Waits (up to 20 s) until the appointment's messages satisfy {@code condition}. */
  List<Message> awaitMessages(String appointment, Predicate<List<Message>> condition) {
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    var messages = messages(appointment);
    while (!condition.test(messages) && System.nanoTime() < deadline) {
      sleep(100);
      messages = messages(appointment);
    }
    assertThat(condition).as("messages of %s: %s", appointment, messages).accepts(messages);
    return messages;
  }

  /** Makes a message's pending retry due now (instead of waiting for its backoff). */
  void dueNow(UUID message) {
    database
        .sql("update scheduled_tasks set execution_time = now() where task_instance = ?")
        .param(message.toString())
        .update();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
