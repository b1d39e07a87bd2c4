package io.carebook.shared.pdf;

import org.jspecify.annotations.Nullable;

/**
 * The direction a piece of text reads in, from its first strong character (as {@code dir="auto"}
 * does in browsers): Arabic or Hebrew read right to left, everything else left to right. The PDF
 * lays each value out as its own paragraph in that direction, so "1 capsule" stays "1 capsule" on
 * an Arabic prescription.
 */
public final class TextDirection {

  public static final TextDirection INSTANCE = new TextDirection();

  private TextDirection() {}

  /** {@code "rtl"} or {@code "ltr"}. */
  public String of(@Nullable String text) {
    if (text != null) {
      for (int i = 0; i < text.length(); ) {
        var codePoint = text.codePointAt(i);
        switch (Character.getDirectionality(codePoint)) {
          case Character.DIRECTIONALITY_RIGHT_TO_LEFT,
              Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
            return "rtl";
          }
          case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
            return "ltr";
          }
          default -> i += Character.charCount(codePoint);
        }
      }
    }
    return "ltr";
  }
}
