package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.carebook.scheduling.OnlineBooking;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The screenshot tour: every staff and public page in English, Spanish and Arabic, on a laptop
 * (1366 × 768, a common clinic laptop) and a phone (360 px), saved as {@code
 * target/screenshots/tour/<lang>/<page>-<width>.png} for people to look at; on each, the header is
 * one row on the laptop and nothing scrolls sideways on the phone. It is part of the suite (about
 * two minutes on two idle cores); alone: {@code mvn test -Dtest=ScreenshotTourTests}.
 */
@CarebookTest
@Tag("screenshots")
class ScreenshotTourTests extends BrowserTestSupport {

  private static final Path FOLDER = Path.of("target/screenshots/tour");

  @Autowired TestOrganizations organizations;
  @Autowired OnlineBooking booking;
  @Autowired Environment environment;

  @Test
  void screenshotTourOfEveryPage() {
    var clinic = TourClinic.arrange(port, organizations, booking, environment);
    var problems = new ArrayList<String>();
    for (var width : List.of(1366, 360)) {
      var visitor = newContext(width, width == 360 ? 740 : 768, width == 360).newPage();
      tour(visitor, clinic.allPublicPages(), width, problems);
      visitor.context().close();

      var staff = newContext(width, width == 360 ? 740 : 768, width == 360).newPage();
      signInAsOwner(staff, clinic.owner());
      staff.waitForURL("**/");
      tour(staff, clinic.allStaffPages(), width, problems);
      staff.context().close();
    }
    assertThat(problems).as("pages whose header wraps or that scroll sideways").isEmpty();
  }

  private static void tour(Page page, Map<String, String> pages, int width, List<String> problems) {
    for (var lang : List.of("en", "es", "ar")) {
      for (var entry : pages.entrySet()) {
        page.navigate(EveryPageBrowserTests.withLang(entry.getValue(), lang));
        page.waitForLoadState();
        page.screenshot(
            new Page.ScreenshotOptions()
                .setPath(FOLDER.resolve(lang).resolve(entry.getKey() + "-" + width + ".png"))
                .setFullPage(true));
        var where = lang + " " + entry.getKey() + " at " + width + " px";
        if (page.locator("#error-status").count() > 0) {
          problems.add(where + ": an error page");
        }
        if (width >= 1366 && !headerIsOneRow(page)) {
          problems.add(where + ": the header wraps onto a second row");
        }
        var scroll =
            ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        var inner = ((Number) page.evaluate("() => window.innerWidth")).intValue();
        if (scroll > inner) {
          problems.add(where + ": scrolls sideways (" + scroll + " > " + inner + ")");
        }
      }
    }
  }
}
