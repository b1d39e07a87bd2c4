package io.carebook.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes drawn on the server as inline SVG: one path of dark modules, crisp at any size (on
 * screen and printed), and nothing for the browser to fetch (a secret it carries, as the
 * authenticator's, never sits behind a URL). The two-step sign-in set-up and the clinic's booking
 * link poster draw theirs here.
 */
public final class QrCodes {

  private static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /** The QR code of {@code text} as an SVG element, announced as {@code label}. */
  public static String svg(String text, String label) {
    var matrix = matrix(text, QUIET_ZONE);
    var path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %2$d" role="img" \
        aria-label="%3$s" shape-rendering="crispEdges" class="cb-qr">\
        <rect width="%1$d" height="%2$d" fill="#fff"/><path d="%4$s" fill="#000"/></svg>"""
        .formatted(matrix.getWidth(), matrix.getHeight(), escape(label), path);
  }

  /**
   * The modules of {@code text}'s QR code (error correction M) with a quiet zone of {@code
   * quietZone} modules, for a drawing of another kind (the printed prescription's image).
   */
  public static BitMatrix matrix(String text, int quietZone) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.MARGIN,
                  quietZone,
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M));
    } catch (WriterException e) {
      throw new IllegalStateException("Could not draw a QR code", e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
