package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public check of a printed prescription says the day it was issued in the page's language, as
 * the clinic counts days, not as an ISO date.
 */
@CarebookTest
class VerifyPageDateTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void theIssueDateIsWrittenInThePagesLanguage() {
    var owner = organizations.signUp(new Api(port)); // Cairo
    var doctor = new Api(port).as(owner.token());
    var visit = ClinicalFixtures.visit(doctor, "Fatma Hassan", "start-doctor");
    var draft = doctor.post("/api/v1/visits/" + visit + "/prescriptions", Map.of());
    var path = "/api/v1/prescriptions/" + draft.text("id");
    doctor.post(path + "/items", PrescriptionTests.item("Paracetamol"));
    var code = doctor.post(path + "/finalize", Map.of()).text("verificationCode");
    var today = LocalDate.now(ZoneId.of("Africa/Cairo"));

    for (var lang : new String[] {"en", "es", "ar"}) {
      var pattern =
          Map.of("en", "d MMMM yyyy", "es", "d 'de' MMMM 'de' yyyy", "ar", "d MMMM yyyy").get(lang);
      var expected =
          today.format(DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(lang)));
      var page =
          new String(
              new Api(port).download("/verify/rx/" + code + "?lang=" + lang).body(),
              StandardCharsets.UTF_8);
      assertThat(page)
          .as(lang)
          .contains("id=\"verify-issued\">" + expected + "</bdi>")
          .doesNotContain(today.toString());
    }
    assertThat(today.format(DateTimeFormatter.ofPattern("MMMM", Locale.forLanguageTag("ar"))))
        .as("an Arabic month name")
        .matches("\\p{InArabic}+");
  }
}
