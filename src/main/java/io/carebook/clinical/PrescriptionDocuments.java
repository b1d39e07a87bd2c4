package io.carebook.clinical;

import io.carebook.audit.ActorDirectory;
import io.carebook.identity.DoctorProfiles;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientLanguages;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.pdf.PdfDocuments;
import io.carebook.shared.web.QrCodes;
import io.carebook.tenancy.Organizations;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable prescription: a PDF with the clinic's header (name, address, phone), the doctor,
 * the patient and their age, the items, a line for the doctor's signature and a verification code
 * with its QR, in English, Spanish or Arabic. Arabic is shaped and laid out right to left (ICU bidi
 * and shaping), in DejaVu Sans, embedded, which has Arabic glyphs.
 */
@Service
public class PrescriptionDocuments {

  private final Prescribing prescribing;
  private final Organizations organizations;
  private final PatientDirectory patients;
  private final DoctorProfiles doctors;
  private final ActorDirectory actors;
  private final ITemplateEngine templates;
  private final String baseUrl;
  private final ObjectProvider<PatientLanguages> languages;

  PrescriptionDocuments(
      Prescribing prescribing,
      Organizations organizations,
      PatientDirectory patients,
      DoctorProfiles doctors,
      ActorDirectory actors,
      ITemplateEngine templates,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl,
      ObjectProvider<PatientLanguages> languages) {
    this.languages = languages;
    this.prescribing = prescribing;
    this.organizations = organizations;
    this.patients = patients;
    this.doctors = doctors;
    this.actors = actors;
    this.templates = templates;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Where anyone holding the paper can check it: the public verification page of its code. */
  public String verificationUrl(String code) {
    return baseUrl + "/verify/rx/" + code;
  }

  /**
   * The PDF of a finalized prescription, in {@code language} or else the patient's, or else the
   * clinic's; never the language of the page it is printed from.
   */
  @Transactional
  public byte[] pdf(UUID id, @Nullable Locale language) {
    return pdf(prescribing.show(id), language);
  }

  /** The PDF of a prescription already found (and its reader's right to it checked). */
  byte[] pdf(Prescribing.Located located, @Nullable Locale language) {
    var prescription = located.prescription();
    if (!prescription.finalized()) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "prescription-not-finalized",
          "Only a finalized prescription can be printed.");
    }
    var clinic =
        organizations
            .find(located.encounter().clinicId())
            .orElseThrow(() -> new NotFoundException("Clinic"));
    var patientId = new PatientId(located.encounter().patientId());
    var chosen = languages.getIfAvailable();
    var locale =
        PatientLanguages.forDocument(
            language, chosen == null ? null : chosen.of(patientId), clinic.locale());
    var patient = patients.get(patientId);
    var context = new Context(locale);
    context.setVariable("rtl", locale.getLanguage().equals("ar"));
    context.setVariable("lang", locale.getLanguage());
    context.setVariable("dir", io.carebook.shared.pdf.TextDirection.INSTANCE);
    context.setVariable("clinic", clinic);
    context.setVariable(
        "doctor",
        prescription.finalizedBy() == null
            ? new Doctor("", null, null)
            : prescriber(prescription.finalizedBy()));
    context.setVariable("patient", patient);
    var issuedOn = prescription.finalizedAt().atZone(clinic.timezone()).toLocalDate();
    var age = PatientAge.on(patient.dateOfBirth(), issuedOn);
    context.setVariable("ageKey", age == null ? null : age.messageKey());
    context.setVariable("ageValue", age == null ? null : age.value());
    context.setVariable("prescription", prescription);
    context.setVariable(
        "issued",
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(issuedOn));
    context.setVariable("url", verificationUrl(prescription.verificationCode()));
    context.setVariable("qr", qrDataUri(verificationUrl(prescription.verificationCode())));
    return PdfDocuments.render(templates.process("clinical/prescription-pdf", context), locale);
  }

  /** The doctor as the paper names them: name, specialty and licence number where known. */
  public record Doctor(String name, @Nullable String specialty, @Nullable String licence) {}

  /** The doctor who signed a prescription, as the paper names them. */
  Doctor prescriber(UUID by) {
    try {
      var profile = doctors.of(new UserId(by));
      return new Doctor(profile.name(), profile.specialty(), profile.licenceNumber());
    } catch (NotFoundException e) { // printed at another clinic, or no longer a member
      return new Doctor(actors.names(List.of(by)).getOrDefault(by, ""), null, null);
    }
  }

  static String qrDataUri(String text) {
    var matrix = QrCodes.matrix(text, 2);
    var scale = 6;
    var image =
        new BufferedImage(
            matrix.getWidth() * scale, matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
      }
    }
    var png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
  }
}
