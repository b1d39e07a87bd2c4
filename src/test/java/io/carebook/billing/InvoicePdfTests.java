package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The printed invoice: totals at the end side (right in English, left in Arabic), the discount with
 * a minus sign in every language, amounts in the language's currency pattern.
 */
@CarebookTest
class InvoicePdfTests {

  static final Path SHOTS = Path.of("target/screenshots/rtl");

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void theTotalsSitAtTheEndSideAndTheDiscountHasAMinusSign() throws Exception {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "فاطمة حسن")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(
        path + "/lines",
        Map.of(
            "description",
            "كشف",
            "unitPrice",
            "1200",
            "discountPercent",
            "10",
            "discountReason",
            "Regular"));
    desk.post(path + "/lines", Map.of("description", "ECG", "unitPrice", "350.50"));
    assertThat(desk.post(path + "/issue", Map.of()).status()).isEqualTo(200);
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "500"));

    var english = lines(desk.download(path + "/pdf?lang=en").body(), "invoice-pdf-en");
    assertThat(text(english)).contains("−EGP 120.00", "EGP 1,430.50", "−120.00");
    var enTotal = row(english, "Total");
    assertThat(enTotal.text()).contains("EGP 1,430.50");
    assertThat(enTotal.left()).as("the totals on the right").isGreaterThan(enTotal.width() * 0.3);

    var spanish = lines(desk.download(path + "/pdf?lang=es").body(), "invoice-pdf-es");
    assertThat(text(spanish)).contains("−120,00 EGP", "1.430,50 EGP");

    var arabic = lines(desk.download(path + "/pdf?lang=ar").body(), "invoice-pdf-ar");
    assertThat(text(arabic)).contains("−120.00", "1,430.50").doesNotContain("-120");
    var arTotal = row(arabic, "الإجمالي");
    assertThat(arTotal.text()).contains("1,430.50");
    assertThat(arTotal.right()).as("the totals on the left").isLessThan(arTotal.width() * 0.7);
    var arDiscount = row(arabic, "الخصم");
    assertThat(arDiscount.text()).contains("−120.00");
    // and on the paper the minus sits just left of the digits, in the totals and in the line
    for (var y : new double[] {arDiscount.y(), row(arabic, "كشف").y()}) {
      var glyphs = GLYPHS.stream().filter(g -> Math.abs(g.y() - y) < 2).toList();
      var minus = glyphs.stream().filter(g -> g.text().equals("−")).findFirst().orElseThrow();
      var nearestDigit =
          glyphs.stream()
              .filter(g -> g.text().matches("\\d"))
              .mapToDouble(g -> Math.abs(g.x() - minus.x()))
              .min()
              .orElseThrow();
      var digitOnTheLeft =
          glyphs.stream()
              .filter(g -> g.text().matches("\\d"))
              .anyMatch(g -> g.x() < minus.x() && minus.x() - g.x() < 10);
      assertThat(nearestDigit).as("the minus touches its number").isLessThan(10);
      assertThat(digitOnTheLeft).as("no digit of its number on the minus's left").isFalse();
    }
  }

  /** A word of the PDF and where it is on the page. */
  record Word(String text, double left, double right, double y, double width) {}

  /** One character drawn on the page of the last PDF read, and where. */
  record Glyph(String text, double x, double y) {}

  static final List<Glyph> GLYPHS = new ArrayList<>();

  /** The words of one row (same height on the page), left to right. */
  record Row(List<Word> words) {
    double y() {
      return words.getFirst().y();
    }

    String text() {
      return String.join(" ", words.stream().map(Word::text).toList());
    }

    double left() {
      return words.stream().mapToDouble(Word::left).min().orElse(0);
    }

    double right() {
      return words.stream().mapToDouble(Word::right).max().orElse(0);
    }

    double width() {
      return words.getFirst().width();
    }
  }

  private static String text(List<Word> words) {
    return String.join(" ", words.stream().map(Word::text).toList());
  }

  /** The last row holding {@code label} and an amount: the totals come after the lines. */
  private static Row row(List<Word> words, String label) {
    return words.stream()
        .filter(w -> w.text().contains(label))
        .map(
            w ->
                new Row(
                    words.stream()
                        .filter(o -> Math.abs(o.y() - w.y()) < 2)
                        .sorted(java.util.Comparator.comparingDouble(Word::left))
                        .toList()))
        .filter(r -> r.text().matches(".*\\d.*"))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError(label + " not in " + text(words)));
  }

  /** The PDF's text lines with where they start and end; and the page as a PNG to look at. */
  private static List<Word> lines(byte[] pdf, String name) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      Files.createDirectories(SHOTS);
      javax.imageio.ImageIO.write(
          new PDFRenderer(document).renderImageWithDPI(0, 110),
          "png",
          SHOTS.resolve(name + ".png").toFile());
      var width = document.getPage(0).getMediaBox().getWidth();
      var found = new ArrayList<Word>();
      GLYPHS.clear();
      var stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              var left = positions.stream().mapToDouble(TextPosition::getX).min().orElse(0);
              var right =
                  positions.stream().mapToDouble(p -> p.getX() + p.getWidth()).max().orElse(0);
              found.add(
                  new Word(
                      Normalizer.normalize(text, Normalizer.Form.NFKC),
                      left,
                      right,
                      positions.getFirst().getYDirAdj(),
                      width));
              positions.forEach(
                  p -> GLYPHS.add(new Glyph(p.getUnicode(), p.getX(), p.getYDirAdj())));
            }
          };
      stripper.setSortByPosition(true);
      stripper.getText(document);
      return found;
    }
  }
}
