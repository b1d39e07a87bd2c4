package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** A clinic words its messages its own way, per language, and previews them first. */
@CarebookTest
class MessageTemplatesTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;
  Clinics clinic;

  @BeforeEach
  void openClinic() {
    clinic = new Clinics(organizations, port, environment);
  }

  @Test
  void theClinicsWordingIsWhatPatientsReceive() {
    var saved =
        clinic.desk.put(
            "/api/v1/message-templates/APPOINTMENT_BOOKED/en",
            Map.of(
                "subject", "See you at {clinic}",
                "body", "Dear {firstName}, {doctor} expects you {when}. Questions? {link}"),
            Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    assertThat(saved.body().path("custom").asBoolean()).isTrue();
    var appointment = clinic.book(Clinics.at(4, 10), "Mona Samir", "+201001232001");
    var confirmation =
        clinic
            .awaitMessages(
                appointment, m -> ChannelsTests.has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"))
            .getFirst();
    assertThat(confirmation.body()).startsWith("Dear Mona, Owner ").contains("/book/");
    assertThat(confirmation.body()).doesNotContain("{");
  }

  @Test
  void listsEveryKindInALanguageAndGoesBackToTheBuiltInWording() {
    var arabic = clinic.desk.get("/api/v1/message-templates?locale=ar");
    assertThat(arabic.body().findValuesAsString("kind"))
        .containsExactlyElementsOf(MessageKind.WORDED.stream().map(Enum::name).toList());
    assertThat(arabic.body().path(0).path("body").asString())
        .contains("{firstName}")
        .contains("مرحبًا");
    clinic.desk.put(
        "/api/v1/message-templates/APPOINTMENT_REMINDER/ar",
        Map.of("subject", "تذكير", "body", "{firstName}، موعدك {when}"),
        Map.of());
    assertThat(
            clinic
                .desk
                .get("/api/v1/message-templates?locale=ar")
                .body()
                .path(1)
                .path("custom")
                .asBoolean())
        .isTrue();
    assertThat(clinic.desk.delete("/api/v1/message-templates/APPOINTMENT_REMINDER/ar").status())
        .isEqualTo(204);
    assertThat(
            clinic
                .desk
                .get("/api/v1/message-templates?locale=ar")
                .body()
                .path(1)
                .path("custom")
                .asBoolean())
        .isFalse();
  }

  @Test
  void anUnknownVariableOrKindIsAProblemNotAMessage() {
    var unknown =
        clinic.desk.put(
            "/api/v1/message-templates/APPOINTMENT_BOOKED/es",
            Map.of("subject", "Hola", "body", "Hola {nombre}"),
            Map.of());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.raw().headers().firstValue("Content-Type").orElse(""))
        .contains("problem+json");
    assertThat(unknown.body().toString()).contains("{nombre}");
    var kind =
        clinic.desk.put(
            "/api/v1/message-templates/BIRTHDAY/es", Map.of("subject", "x", "body", "y"), Map.of());
    assertThat(kind.status()).isEqualTo(400);
  }

  @Test
  void aPreviewFillsInExampleValues() {
    var preview =
        clinic.desk.post(
            "/api/v1/message-templates/WAITLIST_OFFER/es/preview",
            Map.of("subject", "{clinic}", "body", "Hola {firstName}: {when}"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.text("body")).startsWith("Hola Lucía: ").doesNotContain("{");
    assertThat(preview.text("subject")).startsWith("Clinic ");
  }
}
