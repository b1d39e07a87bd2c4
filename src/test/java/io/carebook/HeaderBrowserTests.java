package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The header is one row on a common laptop screen (1366 px wide), in every language. */
@CarebookTest
class HeaderBrowserTests extends BrowserTestSupport {

  @Autowired TestOrganizations organizations;
  @Autowired org.springframework.core.env.Environment environment;

  @Test
  void theOwnersHeaderFitsOneRowAt1366PixelsInEveryLanguage() {
    var owner = organizations.signUp(new Api(port));
    // names as long as real ones get: they are cut short, never pushed onto a second row
    var database = OwnerDatabase.jdbc(environment);
    database
        .sql("update clinics set name = ? where id = ?")
        .param("Centro Médico Especializado Santa María del Mar — Sede Norte")
        .param(owner.clinic().value())
        .update();
    database
        .sql("update users set display_name = ? where lower(email) = lower(?)")
        .param("Dra. María Fernanda Gutiérrez de la Vega")
        .param(owner.email())
        .update();
    var laptop = newContext(1366, 768).newPage();
    signInAsOwner(laptop, owner);
    for (var lang : List.of("en", "es", "ar")) {
      laptop.navigate("/calendar?lang=" + lang);
      laptop.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/header-1366-" + lang + ".png")));
      @SuppressWarnings("unchecked")
      var measured =
          (Map<String, Object>)
              laptop.evaluate(
                  "() => { const nav = document.querySelector('nav.cb-nav');"
                      + " const brand = nav.querySelector('.navbar-brand').getBoundingClientRect();"
                      + " const tops = [...nav.querySelectorAll('.navbar-nav > .nav-item,"
                      + " .cb-tools > *')].map(e => e.getBoundingClientRect())"
                      + ".filter(r => r.height > 0).map(r => Math.round(r.top + r.height / 2));"
                      + " return { height: nav.getBoundingClientRect().height,"
                      + " brand: Math.round(brand.top + brand.height / 2),"
                      + " lowest: Math.max(...tops), highest: Math.min(...tops),"
                      + " scroll: document.documentElement.scrollWidth }; }");
      var height = ((Number) measured.get("height")).doubleValue();
      var brand = ((Number) measured.get("brand")).intValue();
      assertThat(height).as(lang + " header height").isLessThan(80);
      // every link and tool sits on the brand's row
      assertThat(((Number) measured.get("lowest")).intValue())
          .as(lang + " lowest item")
          .isBetween(brand - 8, brand + 8);
      assertThat(((Number) measured.get("highest")).intValue())
          .as(lang + " highest item")
          .isBetween(brand - 8, brand + 8);
      assertThat(((Number) measured.get("scroll")).intValue()).as(lang).isLessThanOrEqualTo(1366);
    }
    laptop.navigate("/calendar?lang=en");
    laptop.context().close();
  }
}
