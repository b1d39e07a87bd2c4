package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.scheduling.OnlineBooking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every main page, staff and public, in the real browser: no serious accessibility violation (axe,
 * WCAG 2 A and AA) in English and Arabic.
 */
@CarebookTest
class EveryPageBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;
  @Autowired OnlineBooking booking;
  @Autowired Environment environment;

  @Test
  void everyPageHasNoSeriousAccessibilityViolations() {
    var clinic = TourClinic.arrange(port, organizations, booking, environment);
    var found = new LinkedHashMap<String, String>();
    var visitor = newContext(1280, 800).newPage();
    for (var lang : List.of("en", "ar")) {
      for (var entry : clinic.publicPages().entrySet()) {
        visitor.navigate(withLang(entry.getValue(), lang));
        note(found, lang + " " + entry.getKey(), seriousA11yViolations(visitor));
      }
    }
    visitor.context().close();
    signInAsOwner(page, clinic.owner());
    page.waitForURL("**/");
    for (var lang : List.of("en", "ar")) {
      for (var entry : clinic.staffPages().entrySet()) {
        page.navigate(withLang(entry.getValue(), lang));
        note(found, lang + " " + entry.getKey(), seriousA11yViolations(page));
      }
    }
    assertThat(found).as("serious accessibility violations per page").isEmpty();
  }

  private static void note(Map<String, String> found, String page, String violations) {
    if (!violations.isEmpty()) {
      found.put(page, "\n" + violations);
    }
  }

  static String withLang(String path, String lang) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
  }
}
