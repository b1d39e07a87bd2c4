package io.carebook.patients.documents;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a document may be, told by its first bytes rather than by what the browser claims (PDF, JPEG
 * or PNG), and the name it is shown under: the typed name without any folder, control or reserved
 * characters, at most 120 characters, ending in the extension of its real type.
 */
public final class DocumentFiles {

  private DocumentFiles() {}

  public enum Type {
    PDF("application/pdf", ".pdf"),
    JPEG("image/jpeg", ".jpg"),
    PNG("image/png", ".png"),
    /** Not a document type: names the CSV files of imports. */
    CSV("text/csv", ".csv");

    final String contentType;
    final String extension;

    Type(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  public static Optional<Type> sniff(byte[] bytes) {
    if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
      return Optional.of(Type.PDF);
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(Type.JPEG);
    }
    if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(Type.PNG);
    }
    return Optional.empty();
  }

  public static String sanitizedName(String typed, Type type) {
    var name = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cc}\\p{Cf}<>:\"|?*;%]", "").replaceAll("\\s+", " ").trim();
    name = name.replaceAll("^\\.+", "");
    var dot = name.lastIndexOf('.');
    var stem = dot > 0 ? name.substring(0, dot).trim() : name;
    if (stem.isEmpty()) {
      stem = "document";
    }
    if (stem.length() > 120 - type.extension.length()) {
      stem = stem.substring(0, 120 - type.extension.length()).trim();
    }
    return stem + type.extension.toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
