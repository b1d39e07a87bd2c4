package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Appointments become messages: confirmation and reminders, replaced, canceled, deferred. */
@CarebookTest
class PatientMessagesTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired Outbox outbox;
  @Autowired io.carebook.tenancy.TenantTransactions tenants;
  @LocalServerPort int port;
  Clinics clinic;

  @BeforeEach
  void openClinic() {
    clinic = new Clinics(organizations, port, environment);
  }

  /** The bodies of the clinic's messages of a kind, once there is one (or after 10 s). */
  private List<String> awaitBodies(MessageKind kind) {
    var bodies = List.<String>of();
    var deadline = System.nanoTime() + 10_000_000_000L;
    while (bodies.isEmpty() && System.nanoTime() < deadline) {
      Clinics.sleep(100);
      bodies =
          clinic
              .database
              .sql("select body from outbox_messages where tenant_id = ? and kind = ?")
              .params(clinic.owner.tenant().value(), kind.name())
              .query(String.class)
              .list();
    }
    return bodies;
  }

  /**
   * The texts the clinic's messages of a kind were delivered with: their one-time secrets are
   * stored masked, and only a developer's outbox (on in tests) shows them opened.
   */
  private List<String> delivered(MessageKind kind) {
    return tenants.call(clinic.owner.tenant(), () -> outbox.revealed(50)).stream()
        .filter(m -> m.kind() == kind)
        .map(OutboxMessage::body)
        .toList();
  }

  private static long count(List<Clinics.Message> messages, MessageKind kind, String status) {
    return messages.stream()
        .filter(m -> m.kind().equals(kind.name()) && m.status().equals(status))
        .count();
  }

  @Test
  void bookingSendsAConfirmationAndSchedulesRemindersTwoDaysAndTwoHoursBefore() {
    var startsAt = Clinics.at(4, 10);
    var appointment = clinic.book(startsAt, "Amira Hassan", "+201001234567");
    var messages =
        clinic.awaitMessages(
            appointment,
            m ->
                count(m, MessageKind.APPOINTMENT_BOOKED, "SENT") == 1
                    && count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 2);
    var confirmation = messages.getFirst();
    assertThat(confirmation.kind()).isEqualTo(MessageKind.APPOINTMENT_BOOKED.name());
    assertThat(confirmation.channel()).isEqualTo("SMS");
    assertThat(confirmation.provider()).isEqualTo("log");
    assertThat(confirmation.recipient()).isEqualTo("+201001234567");
    assertThat(confirmation.body()).contains("Amira").doesNotContain("Hassan");
    assertThat(
            messages.stream().filter(m -> m.kind().equals(MessageKind.APPOINTMENT_REMINDER.name())))
        .extracting(Clinics.Message::dueAt)
        .containsExactly(startsAt.minus(Duration.ofHours(48)), startsAt.minus(Duration.ofHours(2)));
  }

  @Test
  void aVisitDoneGetsAFollowUpTheNextMorningOnce() {
    var visit =
        clinic.desk.post(
            "/api/v1/visits",
            Map.of(
                "patient",
                Map.of("fullName", "Follow Up", "phone", "+201001234599"),
                "doctorId",
                clinic.doctor));
    var path = "/api/v1/visits/" + visit.text("id");
    clinic.desk.post(path + "/start-doctor", Map.of());
    assertThat(clinic.desk.post(path + "/complete", Map.of()).status()).isEqualTo(200);
    var followUps = List.<Map<String, Object>>of();
    var deadline = System.nanoTime() + 10_000_000_000L;
    while (followUps.isEmpty() && System.nanoTime() < deadline) {
      Clinics.sleep(100);
      followUps =
          clinic
              .database
              .sql(
                  "select due_at, body, status from outbox_messages where tenant_id = ? and kind = ?")
              .params(clinic.owner.tenant().value(), MessageKind.VISIT_FOLLOW_UP.name())
              .query()
              .listOfRows();
    }
    assertThat(followUps).hasSize(1);
    var due = ((java.sql.Timestamp) followUps.getFirst().get("due_at")).toInstant();
    var cairo = java.time.ZoneId.of("Africa/Cairo");
    assertThat(due.atZone(cairo).toLocalDate())
        .isEqualTo(java.time.LocalDate.now(cairo).plusDays(1));
    assertThat(due.atZone(cairo).toLocalTime()).isEqualTo(PatientMessages.FOLLOW_UP_AT);
    assertThat((String) followUps.getFirst().get("body")).contains("Follow").contains("feeling");
    assertThat(followUps.getFirst().get("status")).isEqualTo("SCHEDULED");

    // a second visit the same day brings no second follow-up
    var again =
        clinic.desk.post(
            "/api/v1/visits",
            Map.of("patientId", visit.text("patientId"), "doctorId", clinic.doctor));
    clinic.desk.post("/api/v1/visits/" + again.text("id") + "/start-doctor", Map.of());
    clinic.desk.post("/api/v1/visits/" + again.text("id") + "/complete", Map.of());
    Clinics.sleep(500);
    assertThat(
            clinic
                .database
                .sql("select count(*) from outbox_messages where tenant_id = ? and kind = ?")
                .params(clinic.owner.tenant().value(), MessageKind.VISIT_FOLLOW_UP.name())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * Issue 15 changed this test: the copy went as the paper's verification link, which opened the
   * whole prescription to anyone holding the code; it now goes as a private link to the PDF.
   */
  @Test
  void aPrescriptionCopyGoesToThePatientAsAPrivateLinkToItsPdf() throws Exception {
    var visit =
        clinic.desk.post(
            "/api/v1/visits",
            Map.of(
                "patient",
                Map.of("fullName", "Copy Wanted", "phone", "+201001234598"),
                "doctorId",
                clinic.doctor));
    var path = "/api/v1/visits/" + visit.text("id");
    clinic.desk.post(path + "/start-doctor", Map.of());
    var prescription =
        "/api/v1/prescriptions/" + clinic.desk.post(path + "/prescriptions", Map.of()).text("id");
    clinic.desk.post(prescription + "/items", Map.of("drug", "Paracetamol"));
    var finalized = clinic.desk.post(prescription + "/finalize", Map.of());
    assertThat(finalized.status()).as(finalized.body().toString()).isEqualTo(200);
    var sent = clinic.desk.post(prescription + "/send", Map.of());
    assertThat(sent.status()).as(sent.body().toString()).isLessThan(300);
    var bodies = awaitBodies(MessageKind.PRESCRIPTION_COPY);
    assertThat(bodies).hasSize(1);
    var message = delivered(MessageKind.PRESCRIPTION_COPY).getFirst();
    assertThat(message).contains("Copy").doesNotContain(finalized.text("verificationCode"));
    var link =
        java.util.regex.Pattern.compile("https?://\\S+/verify/rx/copy/\\S+")
            .matcher(message)
            .results()
            .map(java.util.regex.MatchResult::group)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no link in: " + message));
    var token = link.substring(link.lastIndexOf('/') + 1);
    // issue 15: the link opens the prescription, so the stored text keeps its token masked
    assertThat(bodies.getFirst())
        .contains("/verify/rx/copy/" + OneTimeSecret.MASK)
        .doesNotContain(token);
    var anonymous = new io.carebook.Api(port);
    var pdf = anonymous.download(link.substring(link.indexOf("/verify/rx/copy/")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("Paracetamol", "Copy Wanted");
    }
    assertThat(anonymous.download("/verify/rx/copy/not-a-real-link").statusCode()).isEqualTo(404);
  }

  @Test
  void anInvoiceGoesToThePatientAsAPrivateLinkToItsPdf() throws Exception {
    var patient =
        clinic
            .desk
            .post(
                "/api/v1/patients", Map.of("fullName", "Receipt Wanted", "phone", "+201001234597"))
            .text("id");
    var invoice = clinic.desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    clinic.desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "300"));
    assertThat(clinic.desk.post(path + "/send", Map.of()).status())
        .as("a draft is not sent")
        .isEqualTo(409);
    var number = clinic.desk.post(path + "/issue", Map.of()).text("number");
    clinic.desk.post(path + "/payments", Map.of("method", "CASH", "amount", "300"));
    var sent = clinic.desk.post(path + "/send", Map.of());
    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(202);

    var bodies = awaitBodies(MessageKind.RECEIPT);
    assertThat(bodies).hasSize(1);
    // issue 15: the link opens the invoice, so the stored text keeps its token masked
    assertThat(bodies.getFirst()).contains("/receipts/" + OneTimeSecret.MASK);
    var message = delivered(MessageKind.RECEIPT).getFirst();
    var link =
        java.util.regex.Pattern.compile("https?://\\S+/receipts/\\S+")
            .matcher(message)
            .results()
            .map(java.util.regex.MatchResult::group)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no link in: " + message));
    assertThat(link).startsWith(sent.text("url"));

    // the link opens the PDF without signing in; a made-up one, nothing
    var anonymous = new io.carebook.Api(port);
    var pdf = anonymous.download(link.substring(link.indexOf("/receipts/")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains(number, "300.00", "Receipt Wanted");
    }
    assertThat(anonymous.download("/receipts/not-a-real-link").statusCode()).isEqualTo(404);
  }

  @Test
  void remindersAlreadyInThePastAreSkipped() {
    var startsAt = Clinics.at(1, 19);
    var appointment = clinic.book(startsAt, "Late Booker", "+201001234568");
    var messages =
        clinic.awaitMessages(
            appointment, m -> count(m, MessageKind.APPOINTMENT_BOOKED, "SENT") == 1);
    Clinics.sleep(300);
    messages = clinic.messages(appointment);
    assertThat(
            messages.stream().filter(m -> m.kind().equals(MessageKind.APPOINTMENT_REMINDER.name())))
        .extracting(Clinics.Message::dueAt)
        .containsExactly(startsAt.minus(Duration.ofHours(2)));
  }

  @Test
  void reschedulingReplacesThePendingReminders() {
    var first = Clinics.at(4, 10);
    var appointment = clinic.book(first, "Omar Farouk", "+201001234569");
    clinic.awaitMessages(
        appointment, m -> count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 2);
    var moved = Clinics.at(5, 12);
    var response =
        clinic.desk.post(
            "/api/v1/appointments/" + appointment + "/reschedule",
            Map.of("startsAt", moved.toString()));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    var messages =
        clinic.awaitMessages(
            appointment,
            m ->
                count(m, MessageKind.APPOINTMENT_REMINDER, "CANCELED") == 2
                    && count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 2
                    && count(m, MessageKind.APPOINTMENT_RESCHEDULED, "SENT") == 1);
    assertThat(
            messages.stream()
                .filter(
                    m ->
                        m.kind().equals(MessageKind.APPOINTMENT_REMINDER.name())
                            && m.status().equals("SCHEDULED")))
        .extracting(Clinics.Message::dueAt)
        .containsExactly(moved.minus(Duration.ofHours(48)), moved.minus(Duration.ofHours(2)));
  }

  @Test
  void cancelingRemovesThePendingRemindersAndSendsANotice() {
    var appointment = clinic.book(Clinics.at(4, 11), "Nour Adel", "+201001234570");
    clinic.awaitMessages(
        appointment, m -> count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 2);
    var canceled =
        clinic.desk.post(
            "/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", "Patient called"));
    assertThat(canceled.status()).isEqualTo(200);
    var messages =
        clinic.awaitMessages(
            appointment,
            m ->
                count(m, MessageKind.APPOINTMENT_REMINDER, "CANCELED") == 2
                    && count(m, MessageKind.APPOINTMENT_CANCELED, "SENT") == 1);
    assertThat(count(messages, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED")).isZero();
    assertThat(count(messages, MessageKind.APPOINTMENT_REMINDER, "SENT")).isZero();
  }

  @Test
  void quietHoursDeferARemindersToTheirEndInTheClinicsTimezone() {
    clinic.settings(Map.of("quietFrom", "21:00", "quietUntil", "09:00"));
    var startsAt = Clinics.at(4, 10);
    var appointment = clinic.book(startsAt, "Quiet Patient", "+201001234571");
    var messages =
        clinic.awaitMessages(
            appointment, m -> count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 2);
    assertThat(
            messages.stream().filter(m -> m.kind().equals(MessageKind.APPOINTMENT_REMINDER.name())))
        .extracting(Clinics.Message::dueAt)
        .containsExactly(startsAt.minus(Duration.ofHours(48)), Clinics.at(4, 9));
  }

  @Test
  void clinicOffsetsDecideWhenRemindersGoOut() {
    clinic.settings(Map.of("reminderMinutes", List.of(24 * 60)));
    var startsAt = Clinics.at(4, 10);
    var appointment = clinic.book(startsAt, "Offset Patient", "+201001234572");
    var messages =
        clinic.awaitMessages(
            appointment, m -> count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 1);
    assertThat(
            messages.stream().filter(m -> m.kind().equals(MessageKind.APPOINTMENT_REMINDER.name())))
        .extracting(Clinics.Message::dueAt)
        .containsExactly(startsAt.minus(Duration.ofHours(24)));
  }

  @Test
  void messagesAreWrittenInThePatientsLanguageAndOptedOutPatientsGetNone() {
    var first = clinic.book(Clinics.at(4, 13), "Lucía Gómez", "+201001234573");
    clinic.awaitMessages(first, m -> count(m, MessageKind.APPOINTMENT_BOOKED, "SENT") == 1);
    var patient = clinic.desk.get("/api/v1/appointments/" + first).text("patientId");
    clinic.desk.put(
        "/api/v1/patients/" + patient + "/message-preferences",
        Map.of("language", "es", "optedOut", false),
        Map.of());
    var moved =
        clinic.desk.post(
            "/api/v1/appointments/" + first + "/reschedule",
            Map.of("startsAt", Clinics.at(4, 14).toString()));
    assertThat(moved.status()).isEqualTo(200);
    var spanish =
        clinic
            .awaitMessages(first, m -> count(m, MessageKind.APPOINTMENT_RESCHEDULED, "SENT") == 1)
            .stream()
            .filter(m -> m.kind().equals(MessageKind.APPOINTMENT_RESCHEDULED.name()))
            .findFirst()
            .orElseThrow();
    assertThat(spanish.locale()).isEqualTo("es");
    assertThat(spanish.body()).startsWith("Hola Lucía");

    clinic.desk.put(
        "/api/v1/patients/" + patient + "/message-preferences", Map.of("optedOut", true), Map.of());
    clinic.desk.post(
        "/api/v1/appointments/" + first + "/cancel", Map.of("reason", "No longer needed"));
    var messages =
        clinic.awaitMessages(
            first, m -> count(m, MessageKind.APPOINTMENT_REMINDER, "SCHEDULED") == 0);
    Clinics.sleep(500);
    assertThat(count(clinic.messages(first), MessageKind.APPOINTMENT_CANCELED, "SENT")).isZero();
    assertThat(messages).noneMatch(m -> m.kind().equals(MessageKind.APPOINTMENT_CANCELED.name()));
  }

  @Test
  void aConfirmationBookedDuringQuietHoursWaitsForTheirEnd() {
    var now = java.time.ZonedDateTime.now(Clinics.CAIRO).withSecond(0).withNano(0);
    var from = now.minusHours(1).toLocalTime();
    var until = now.plusHours(1).toLocalTime();
    clinic.settings(Map.of("quietFrom", from.toString(), "quietUntil", until.toString()));
    var appointment = clinic.book(Clinics.at(4, 10), "Night Booker", "+201001234574");
    var confirmation =
        clinic
            .awaitMessages(
                appointment, m -> count(m, MessageKind.APPOINTMENT_BOOKED, "SCHEDULED") == 1)
            .getFirst();
    assertThat(confirmation.dueAt()).isEqualTo(now.plusHours(1).toInstant());
  }
}
