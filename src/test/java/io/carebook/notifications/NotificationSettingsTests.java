package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** A clinic's messaging settings: validated, versioned, secrets kept, and only for managers. */
@CarebookTest
class NotificationSettingsTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;
  Clinics clinic;

  @BeforeEach
  void openClinic() {
    clinic = new Clinics(organizations, port, environment);
  }

  @Test
  void credentialsAreEncryptedAtRestNeverShownAndKeptWhenLeftOut() {
    var saved =
        clinic.settings(
            Map.of(
                "channels", List.of("SMS"),
                "sms",
                    Map.of("accountSid", "AC1", "from", "+15005550006", "authToken", "tok-123")));
    assertThat(saved.body().toString()).doesNotContain("tok-123");
    assertThat(saved.body().path("sms").path("authTokenSet").asBoolean()).isTrue();
    var stored =
        clinic
            .database
            .sql("select sms_auth_token from notification_settings where clinic_id = ?")
            .param(clinic.owner.clinic().value())
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("tok-123");

    var etag = clinic.desk.get("/api/v1/notification-settings").header("ETag");
    var changed =
        clinic.desk.put(
            "/api/v1/notification-settings",
            Map.of(
                "channels", List.of("SMS", "EMAIL"),
                "sms", Map.of("accountSid", "AC1", "from", "+15005550007")),
            Map.of("If-Match", etag));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().path("sms").path("authTokenSet").asBoolean()).isTrue();
    assertThat(changed.body().path("sms").path("from").asString()).isEqualTo("+15005550007");

    var stale =
        clinic.desk.put(
            "/api/v1/notification-settings",
            Map.of("channels", List.of()),
            Map.of("If-Match", etag));
    assertThat(stale.status()).isEqualTo(412);
  }

  @Test
  void unsetProviderFieldsAreNullNotTheTextNull() {
    var fresh = new Api(port).as(organizations.signUp(new Api(port)).token());
    var shown = fresh.get("/api/v1/notification-settings").body();
    assertThat(shown.path("sms").path("accountSid").isNull()).as(shown.toString()).isTrue();
    assertThat(shown.path("sms").path("from").isNull()).isTrue();
    assertThat(shown.path("whatsapp").path("phoneNumberId").isNull()).isTrue();
    assertThat(shown.toString()).doesNotContain("\"null\"");
  }

  @Test
  void badSettingsAreProblemsWithTheField() {
    var channel =
        clinic.desk.put(
            "/api/v1/notification-settings", Map.of("channels", List.of("PIGEON")), Map.of());
    assertThat(channel.status()).isEqualTo(400);
    assertThat(channel.body().path("errors").path(0).path("field").asString())
        .isEqualTo("channels");
    var offsets =
        clinic.desk.put(
            "/api/v1/notification-settings", Map.of("reminderMinutes", List.of(5)), Map.of());
    assertThat(offsets.status()).isEqualTo(400);
    var quiet =
        clinic.desk.put("/api/v1/notification-settings", Map.of("quietFrom", "25:99"), Map.of());
    assertThat(quiet.status()).isEqualTo(400);
    var half =
        clinic.desk.put("/api/v1/notification-settings", Map.of("quietFrom", "22:00"), Map.of());
    assertThat(half.status()).isEqualTo(400);
  }

  @Test
  void aReceptionistMayNotChangeThemAndAnotherOrganizationsMessageIsNotFound() {
    var receptionist = organizations.join(new Api(port), clinic.owner, "RECEPTIONIST");
    var desk = new Api(port).as(receptionist.token());
    assertThat(desk.put("/api/v1/notification-settings", Map.of(), Map.of()).status())
        .isEqualTo(403);
    // issue 15: messages (one-time links, codes, replies) are read by owners and managers only
    assertThat(desk.get("/api/v1/messages/failed").status()).isEqualTo(403);

    var other = new Clinics(organizations, port, environment);
    var theirs =
        other
            .database
            .sql("select id from outbox_messages where tenant_id = ? limit 1")
            .param(other.owner.tenant().value())
            .query(java.util.UUID.class)
            .single();
    assertThat(clinic.desk.post("/api/v1/messages/" + theirs + "/resend", Map.of()).status())
        .isEqualTo(404);
    assertThat(clinic.desk.post("/api/v1/messages/not-an-id/resend", Map.of()).status())
        .isEqualTo(404);
  }
}
