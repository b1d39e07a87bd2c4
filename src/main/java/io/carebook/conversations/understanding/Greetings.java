package io.carebook.conversations.understanding;

/**
 * Greetings, which name parts of the day without meaning them ("buenas tardes", "صباح الخير"): they
 * are GREETING and are taken out before days and times are read.
 */
final class Greetings {

  static final Phrases PHRASES =
      Phrases.of(
          "hi",
          "hello",
          "hey",
          "good morning",
          "good afternoon",
          "good evening",
          "hola",
          "buenas",
          "buenos días",
          "buen día",
          "buenas tardes",
          "buenas noches",
          "qué tal",
          "السلام عليكم",
          "سلام عليكم",
          "سلام",
          "مرحبا",
          "مرحباً",
          "أهلا",
          "أهلاً",
          "هاي",
          "هلا",
          "صباح الخير",
          "صباح النور",
          "مساء الخير",
          "مساء النور");

  private Greetings() {}

  static String removedFrom(String normalized) {
    return PHRASES.replaceIn(normalized, " ");
  }
}
