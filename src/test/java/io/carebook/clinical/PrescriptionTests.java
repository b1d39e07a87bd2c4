package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantTransactions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prescriptions: safety warnings to acknowledge, finalized and immutable, printed, verified. */
@CarebookTest
class PrescriptionTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @Autowired ClinicalEventLog events;
  @Autowired Seals seals;
  @LocalServerPort int port;

  TestOrganizations.Owner owner;
  Api doctor;

  @BeforeEach
  void openClinic() {
    var api = new Api(port);
    owner = organizations.signUp(api);
    doctor = api.as(owner.token());
  }

  static Map<String, Object> item(String drug) {
    return new HashMap<>(
        Map.of(
            "drug", drug,
            "strength", "500 mg",
            "form", "capsule",
            "dose", "1 capsule",
            "frequency", "every 8 hours",
            "duration", "7 days",
            "route", "oral"));
  }

  @Test
  void anAllergyWarnsUntilAcknowledgedAndTheAcknowledgementIsAudited() {
    var visit = ClinicalFixtures.visit(doctor, "Allergic Patient", "start-doctor");
    var patient = ClinicalFixtures.patientOf(doctor, visit);
    var allergy =
        doctor.post(
            "/api/v1/patients/" + patient + "/allergies",
            Map.of("substance", "Amoxicillin", "reaction", "rash", "severity", "SEVERE"));
    doctor.post("/api/v1/patients/" + patient + "/medications", Map.of("drug", "Metformin"));
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
    var items = "/api/v1/prescriptions/" + draft.text("id") + "/items";

    var warned = doctor.post(items, item("AMOXICILLIN"));
    assertThat(warned.status()).isEqualTo(409);
    assertThat(warned.text("type")).isEqualTo("/problems/safety-warning");
    assertThat(warned.body().path("warnings").get(0).path("kind").asString()).isEqualTo("ALLERGY");
    assertThat(doctor.get("/api/v1/prescriptions/" + draft.text("id")).body().path("items"))
        .isEmpty();
    var duplicate = doctor.post(items, item("Metformin 850 mg"));
    assertThat(duplicate.body().path("warnings").get(0).path("kind").asString())
        .isEqualTo("DUPLICATE_MEDICATION");

    var acknowledged = item("Amoxicillin");
    acknowledged.put("acknowledgeWarnings", true);
    acknowledged.put("acknowledgementReason", "tolerated it last year");
    var added = doctor.post(items, acknowledged);
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    assertThat(added.body().path("items").get(0).path("drug").asString()).isEqualTo("Amoxicillin");
    var audited =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select detail from audit_log where tenant_id = ? and patient_id = ?::uuid
                  and action = 'SAFETY_WARNING_ACKNOWLEDGED' and entity_id = ?""")
            .params(owner.tenant().value(), patient, allergy.text("id"))
            .query(String.class)
            .list();
    assertThat(audited).singleElement().asString().contains("Amoxicillin", "tolerated");
    assertThat(doctor.post(items, item("Paracetamol")).status()).isEqualTo(201);
    assertThat(doctor.post(items, item("Para\u0000cetamol")).status()).isEqualTo(400);
    var missingDrug = doctor.post(items, Map.of("dose", "1"));
    assertThat(missingDrug.status()).isEqualTo(400);
    assertThat(missingDrug.body().path("errors").get(0).path("field").asString()).isEqualTo("drug");
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyMakesOnePrescription() {
    var visit = ClinicalFixtures.visit(doctor, "Retried Patient", "start-doctor");
    var retrying = doctor.withHeader("Idempotency-Key", UUID.randomUUID().toString());
    var first = retrying.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var again = retrying.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.text("id")).isEqualTo(first.text("id"));
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(doctor.get("/api/v1/visits/" + visit + "/encounter").body().path("prescriptions"))
        .hasSize(1);
  }

  @Test
  void aFinalizedPrescriptionTakesAddendaOnlyThroughTheApiAndInTheDatabase() {
    var visit = ClinicalFixtures.visit(doctor, "Final Patient", "start-doctor");
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    assertThat(doctor.post(path + "/finalize", Map.of()).text("type"))
        .isEqualTo("/problems/empty-prescription");
    doctor.post(path + "/items", item("Ibuprofen"));
    var removed = doctor.post(path + "/items", item("Omeprazole")).body().path("items").get(1);
    var afterVoid =
        doctor.post(
            path + "/items/" + removed.path("id").asString() + "/void",
            Map.of("reason", "not needed"));
    assertThat(afterVoid.body().path("items")).hasSize(1);
    assertThat(doctor.post(path + "/addenda", Map.of("body", "early")).status()).isEqualTo(409);
    assertThat(doctor.post(path + "/send", Map.of()).status()).isEqualTo(409);

    var finalized = doctor.post(path + "/finalize", Map.of());
    assertThat(finalized.status()).as(finalized.body().toString()).isEqualTo(200);
    assertThat(finalized.text("status")).isEqualTo("FINALIZED");
    assertThat(events.of(PrescriptionFinalized.class))
        .anyMatch(
            e ->
                e.prescriptionId().toString().equals(draft.text("id"))
                    && e.tenantId().equals(owner.tenant()));

    assertThat(doctor.post(path + "/send", Map.of()).status()).isEqualTo(202);
    assertThat(events.of(PrescriptionCopyRequested.class))
        .anyMatch(e -> e.prescriptionId().equals(UUID.fromString(draft.text("id"))));

    var more = doctor.post(path + "/items", item("Paracetamol"));
    assertThat(more.status()).isEqualTo(409);
    assertThat(more.text("type")).isEqualTo("/problems/prescription-finalized");
    assertThat(new Api(port).download(more.text("type")).statusCode()).isEqualTo(200);
    assertThat(doctor.post(path + "/finalize", Map.of()).status()).isEqualTo(409);
    var addendum = doctor.post(path + "/addenda", Map.of("body", "Take with food."));
    assertThat(addendum.status()).isEqualTo(201);
    assertThat(addendum.body().path("addenda").get(0).path("body").asString())
        .isEqualTo("Take with food.");

    var id = UUID.fromString(draft.text("id"));
    for (var sql :
        new String[] {
          "update prescriptions set status = 'DRAFT', finalized_at = null, finalized_by = null"
              + " where id = ?",
          "update prescriptions set verification_code = 'AAAAAAAAAAAA' where id = ?",
          "delete from prescriptions where id = ?",
          "update prescription_items set drug = 'Morphine' where prescription_id = ?",
          "update prescription_items set voided_at = now(), void_reason = 'x'"
              + " where prescription_id = ?",
          "insert into prescription_items (tenant_id, id, prescription_id, position, drug)"
              + " select tenant_id, gen_random_uuid(), id, 9, 'Morphine' from prescriptions"
              + " where id = ?",
          "update prescription_addenda set body = 'changed' where prescription_id = ?"
        }) {
      assertThatThrownBy(() -> tenants.run(owner.tenant(), () -> jdbc.sql(sql).param(id).update()))
          .as(sql)
          .isInstanceOf(DataAccessException.class);
    }
    assertThat(doctor.get(path).body().path("items")).hasSize(1);
  }

  @Test
  void theFinalizedPrescriptionPrintsInEnglishAndInArabicAndItsCodeVerifies() throws Exception {
    var visit = ClinicalFixtures.visit(doctor, "فاطمة حسن علي", "start-doctor");
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    var arabicItem = item("أموكسيسيلين");
    arabicItem.put("instructions", "بعد الأكل");
    doctor.post(path + "/items", arabicItem);
    doctor.post(path + "/items", item("Paracetamol"));
    var controlled = item("Vitamin\u0001 D");
    controlled.put("instructions", "with milk \uD83E\uDD5B");
    doctor.post(path + "/items", controlled);
    assertThat(doctor.download(path + "/pdf").statusCode()).isEqualTo(409);
    var code = doctor.post(path + "/finalize", Map.of()).text("verificationCode");

    var english = doctor.download(path + "/pdf?lang=en");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.headers().firstValue("Content-Type")).hasValue("application/pdf");
    var text = text(english.body());
    assertThat(text).contains("Paracetamol", "500 mg", "every 8 hours", code, "/verify/rx/" + code);
    assertThat(text).contains("Patient", "Clinic ");

    var arabicPdf = doctor.download(path + "/pdf?lang=ar").body();
    render(arabicPdf, "prescription-ar.png");
    render(english.body(), "prescription-en.png");
    var arabic = text(arabicPdf);
    assertThat(arabic).contains(code, "Paracetamol");
    // PDFBox extracts Arabic in logical order from the shaped glyphs: the name and the labels
    assertThat(normalize(arabic)).contains("فاطمة", "حسن", "المريض", "أموكسيسيلين", "بعد الأكل");

    var page = new Api(port).download("/verify/rx/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(html(page.body())).contains("Authentic", "ف. ح. ع.").doesNotContain("فاطمة");
    assertThat(new Api(port).download("/verify/rx/ZZZZZZZZZZZZ").statusCode()).isEqualTo(404);
    doctor.post(path + "/void", Map.of("reason", "issued in error"));
    assertThat(html(new Api(port).download("/verify/rx/" + code).body())).contains("voided");
  }

  /**
   * Whoever holds the code of a paper sees what a pharmacist needs — status, date, prescriber, the
   * drug lines, the patient's initials — and never the patient's name or the whole document (the
   * public PDF that the code used to open is gone: issue 15 changed the assertion that it served
   * the prescription to anyone with the code). Every check is in the access log, by an anonymous
   * reader from their address.
   */
  @Test
  void prescriptionCheckShowsInitialsOnlyAndIsLogged() {
    var visit = ClinicalFixtures.visit(doctor, "Samira Checked Public", "start-doctor");
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    doctor.post(path + "/items", item("Paracetamol"));
    var code = doctor.post(path + "/finalize", Map.of()).text("verificationCode");

    var pharmacist = new Api(port);
    var page = pharmacist.download("/verify/rx/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(html(page.body()))
        .contains("Authentic", "S. C. P.", "Paracetamol", "500 mg", "every 8 hours", "7 days")
        // the day it was issued, as the clinic counts days, written in the page's language
        .contains(
            java.time.LocalDate.now(java.time.ZoneId.of("Africa/Cairo"))
                .format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.ENGLISH)))
        .doesNotContain("Samira", "Checked Public", "/pdf");
    assertThat(html(page.body())).contains("Prescriber");
    assertThat(new Api(port).download("/verify/rx/" + code + "/pdf").statusCode())
        .as("the full prescription is not served to whoever holds the code")
        .isEqualTo(404);

    var logged =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select actor_id, actor_type, source, detail from audit_log
                where tenant_id = ? and entity_type = 'prescriptions' and entity_id = ?
                  and action = 'VIEW'""")
            .params(owner.tenant().value(), draft.text("id"))
            .query(
                (rs, n) ->
                    java.util.Arrays.asList(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
    assertThat(logged).hasSize(1);
    assertThat(logged.getFirst().get(0)).as("no actor: anonymous").isNull();
    assertThat(logged.getFirst().get(2)).startsWith(pharmacist.clientAddress());
    assertThat(logged.getFirst().get(3)).contains("anonymous");
  }

  /**
   * The patient's full copy goes only as a private link on their own channel: the link opens the
   * PDF with their name (and each read is logged, anonymously), the paper's code does not.
   */
  @Test
  void theFullCopyGoesOnlyThroughThePatientsOwnLink() throws Exception {
    var visit = ClinicalFixtures.visit(doctor, "Nour Own Copy", "start-doctor");
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    doctor.post(path + "/items", item("Paracetamol"));
    var code = doctor.post(path + "/finalize", Map.of()).text("verificationCode");
    assertThat(doctor.post(path + "/send", Map.of()).status()).isEqualTo(202);
    var sealed =
        events.of(PrescriptionCopyRequested.class).stream()
            .filter(e -> e.prescriptionId().equals(UUID.fromString(draft.text("id"))))
            .findFirst()
            .orElseThrow()
            .url();
    var url = tenants.call(owner.tenant(), () -> seals.open(sealed));
    assertThat(url).doesNotContain(code);
    var copy = new Api(port).download(url.substring(url.indexOf("/verify/rx/copy/")));
    assertThat(copy.statusCode()).isEqualTo(200);
    assertThat(text(copy.body())).contains("Nour Own Copy", "Paracetamol");
    assertThat(new Api(port).download("/verify/rx/" + code + "/pdf").statusCode()).isEqualTo(404);
    var anonymousReads =
        OwnerDatabase.jdbc(environment)
            .sql(
                """
                select count(*) from audit_log where tenant_id = ? and entity_id = ?
                  and action = 'VIEW' and actor_id is null and detail like 'anonymous%'""")
            .params(owner.tenant().value(), draft.text("id"))
            .query(Long.class)
            .single();
    assertThat(anonymousReads).isEqualTo(1);
  }

  @Test
  void thePrintedPrescriptionCarriesTheClinicsAddressAndPhoneTheAgeAndASignatureLine()
      throws Exception {
    io.carebook.OwnerDatabase.jdbc(environment)
        .sql("update clinics set address = ?, phone = ? where id = ?")
        .params("14 Tahrir Street, Dokki, Giza", "+20 2 3333 4444", owner.clinic().value())
        .update();
    // the owner signed up as "Owner <suffix>" with owner-<suffix>@example.test
    var doctorName =
        "Owner " + owner.email().substring("owner-".length(), owner.email().indexOf('@'));
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Africa/Cairo"));
    var adult = printed("Adult Patient", today.minusYears(37).minusDays(3), "en");
    assertThat(adult)
        .contains("14 Tahrir Street, Dokki, Giza", "Tel. +20 2 3333 4444")
        .contains("Age", "37 years")
        .contains("Doctor's signature and stamp", doctorName);
    // under two, in months: what a child's dose goes by
    var baby = printed("Baby Patient", today.minusMonths(14).minusDays(2), "en");
    assertThat(baby).contains("14 months").doesNotContain("1 year");
    var spanish = printed("Paciente Bebé", today.minusMonths(1).minusDays(2), "es");
    assertThat(spanish).contains("Edad", "1 mes", "Firma y sello del médico");
    var arabic = normalize(printed("مريض بالغ", today.minusYears(5).minusDays(3), "ar"));
    assertThat(arabic).contains("العمر", "سنوات", "14 Tahrir Street");
    // without a date of birth, a dash rather than a guess
    var unknown = printed("No Birthday", null, "en");
    assertThat(unknown).contains("Age").doesNotContain("years", "months");
  }

  /** The text of a finalized one-item prescription for a new patient born on {@code born}. */
  private String printed(String name, java.time.LocalDate born, String lang) throws Exception {
    var body = new HashMap<String, Object>();
    body.put("fullName", name);
    body.put("dateOfBirth", born == null ? null : born.toString());
    var patient = doctor.post("/api/v1/patients", body);
    assertThat(patient.status()).as(patient.body().toString()).isEqualTo(201);
    var visit = doctor.post("/api/v1/visits", Map.of("patientId", patient.text("id")));
    assertThat(visit.status()).as(visit.body().toString()).isEqualTo(201);
    doctor.post("/api/v1/visits/" + visit.text("id") + "/start-doctor", Map.of());
    var draft = doctor.post("/api/v1/visits/" + visit.text("id") + "/prescriptions", Map.of());
    assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
    var path = "/api/v1/prescriptions/" + draft.text("id");
    doctor.post(path + "/items", item("Paracetamol"));
    doctor.post(path + "/finalize", Map.of());
    var pdf = doctor.download(path + "/pdf?lang=" + lang);
    assertThat(pdf.statusCode()).isEqualTo(200);
    render(pdf.body(), "prescription-details-" + lang + ".png");
    return text(pdf.body());
  }

  /** The first page as an image, for a person to look at (target/screenshots/). */
  private static void render(byte[] pdf, String name) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      var image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 110);
      var folder = java.nio.file.Path.of("target/screenshots");
      java.nio.file.Files.createDirectories(folder);
      javax.imageio.ImageIO.write(image, "png", folder.resolve(name).toFile());
      assertThat(document.getNumberOfPages()).isEqualTo(1);
    }
  }

  @Test
  void theVerificationPageIsRateLimitedPerAddress() {
    var stranger = new Api(port);
    for (int i = 0; i < Verification.PER_ADDRESS.attempts(); i++) {
      assertThat(stranger.download("/verify/rx/ZZZZZZZZZZZ" + (i % 10)).statusCode())
          .isEqualTo(404);
    }
    var refused = stranger.download("/verify/rx/ZZZZZZZZZZZZ");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(new Api(port).download("/verify/rx/ZZZZZZZZZZZZ").statusCode()).isEqualTo(404);
  }

  private static String html(byte[] body) {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String text(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Presentation forms (what shaping draws) back to the letters people type. */
  private static String normalize(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
  }
}
