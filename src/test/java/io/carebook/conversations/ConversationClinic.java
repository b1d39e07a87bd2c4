package io.carebook.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.carebook.Api;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Plan;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clinic in Cairo (open every day 08:00–20:00, its owner its one doctor) whose WhatsApp number is
 * set up against the fake Cloud API, for conversation tests.
 */
final class ConversationClinic {

  static final String APP_SECRET = "wa-app-secret";

  final TestOrganizations.Owner owner;
  final Api desk;
  final String doctor;
  final JdbcClient database;
  final String phoneNumberId;
  private final int port;
  private final WireMockServer cloud;

  ConversationClinic(
      TestOrganizations organizations,
      int port,
      Environment environment,
      WireMockServer cloud,
      Plan plan) {
    this.owner = organizations.onPlan(organizations.signUp(new Api(port)), plan);
    this.desk = new Api(port).as(owner.token());
    this.doctor = desk.get("/api/v1/me").text("userId");
    this.database = OwnerDatabase.jdbc(environment);
    this.port = port;
    this.cloud = cloud;
    var week = new ArrayList<Map<String, String>>();
    for (var day : DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    assertThat(desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of()).status())
        .isEqualTo(200);
    this.phoneNumberId = String.valueOf(System.nanoTime());
    var saved =
        desk.put(
            "/api/v1/notification-settings",
            Map.of(
                "channels",
                List.of("WHATSAPP"),
                "whatsapp",
                Map.of(
                    "phoneNumberId",
                    phoneNumberId,
                    "accessToken",
                    "wa-token",
                    "appSecret",
                    APP_SECRET,
                    "verifyToken",
                    "verify-" + phoneNumberId)),
            Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    WhatsAppPhone.stubCloudApi(cloud, phoneNumberId);
  }

  /** A new patient phone (an Egyptian mobile number nobody else uses). */
  WhatsAppPhone phone() {
    var number = "+20100" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    return new WhatsAppPhone(number, phoneNumberId, APP_SECRET, port, cloud);
  }

  /** Registers a patient with this phone; their id. */
  UUID register(String name, WhatsAppPhone phone) {
    var created = desk.post("/api/v1/patients", Map.of("fullName", name, "phone", phone.number));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return UUID.fromString(created.text("id"));
  }

  UUID conversation(WhatsAppPhone phone) {
    return database
        .sql("select id from conversations where tenant_id = ? and phone = ? and state <> 'CLOSED'")
        .params(owner.tenant().value(), phone.number)
        .query(UUID.class)
        .single();
  }

  String state(WhatsAppPhone phone) {
    return database
        .sql(
            "select state from conversations where tenant_id = ? and phone = ?"
                + " order by created_at desc limit 1")
        .params(owner.tenant().value(), phone.number)
        .query(String.class)
        .single();
  }

  /** The patient's appointments: status, start and whether confirmed, oldest booking first. */
  List<Map<String, Object>> appointments(UUID patient) {
    return database
        .sql(
            "select id, status, starts_at, confirmed_at is not null as confirmed, source"
                + " from appointments where tenant_id = ? and patient_id = ? order by created_at")
        .params(owner.tenant().value(), patient)
        .query()
        .listOfRows();
  }

  /** Ids of patients with this name in the clinic's organization. */
  List<UUID> patientsNamed(String name) {
    return database
        .sql("select id from patients where tenant_id = ? and full_name = ?")
        .params(owner.tenant().value(), name)
        .query(UUID.class)
        .list();
  }
}
