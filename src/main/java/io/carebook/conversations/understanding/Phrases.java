package io.carebook.conversations.understanding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of words or phrases found as whole words in {@link Text#normalize normalized} text. The
 * phrases are written naturally (accents, hamza, ta marbuta) and normalized here; a trailing {@code
 * *} matches any ending ("cancel*" finds "cancelled", "cancelar").
 */
final class Phrases {

  private final Pattern pattern;

  private Phrases(Pattern pattern) {
    this.pattern = pattern;
  }

  static Phrases of(String... phrases) {
    var alternatives =
        Arrays.stream(phrases)
            .map(Phrases::regexOf)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|"));
    return new Phrases(Pattern.compile("(?<= )(?:" + alternatives + ")(?= )"));
  }

  /** The regex of one phrase, so it can be combined with numbers in a larger pattern. */
  static String regexOf(String phrase) {
    var stem = phrase.endsWith("*");
    var words = Text.normalize(stem ? phrase.substring(0, phrase.length() - 1) : phrase).strip();
    return Pattern.quote(words) + (stem ? "\\S*" : "");
  }

  /** The alternation of all phrases, longest first, for use inside a larger pattern. */
  String alternation() {
    var regex = pattern.pattern();
    return regex.substring("(?<= )".length(), regex.length() - "(?= )".length());
  }

  boolean in(String text) {
    return pattern.matcher(text).find();
  }

  /** Where the first phrase starts in {@code text}, or -1. */
  int firstIndexIn(String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.start() : -1;
  }

  Matcher matcher(String text) {
    return pattern.matcher(text);
  }

  /** The text with every phrase replaced by {@code replacement}, kept padded with spaces. */
  String replaceIn(String text, String replacement) {
    return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
  }
}
