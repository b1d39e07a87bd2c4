package io.carebook.shared.pdf;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Printable documents (prescriptions, invoices, receipts) from XHTML: DejaVu Sans embedded, which
 * has Arabic as well as Latin letters, Arabic shaped and laid out right to left by ICU's bidi
 * support, in the document's language.
 */
public final class PdfDocuments {

  private static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
  private static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

  /** Characters XML cannot carry (control characters someone typed): dropped, not fatal. */
  private static final Pattern XML_INVALID =
      Pattern.compile(
          "[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private PdfDocuments() {}

  /** The PDF of {@code html} (XHTML), right to left when {@code locale} is Arabic. */
  public static byte[] render(String html, Locale locale) {
    try (var out = new ByteArrayOutputStream()) {
      var builder = new PdfRendererBuilder();
      builder.useFont(() -> PdfDocuments.class.getResourceAsStream(FONT), "DejaVu Sans");
      builder.useFont(
          () -> PdfDocuments.class.getResourceAsStream(BOLD),
          "DejaVu Sans",
          700,
          BaseRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
      builder.defaultTextDirection(
          locale.getLanguage().equals("ar")
              ? BaseRendererBuilder.TextDirection.RTL
              : BaseRendererBuilder.TextDirection.LTR);
      builder.withHtmlContent(XML_INVALID.matcher(html).replaceAll(""), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
