package io.carebook.scheduling.web;

/** The letters of a person's avatar when there is no photo: "ND" for "Nadia Doctor". */
final class Initials {

  private Initials() {}

  static String of(String name) {
    var words = name.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return "?";
    }
    var first = words[0].codePoints().limit(1);
    var last =
        words.length > 1
            ? words[words.length - 1].codePoints().limit(1)
            : java.util.stream.IntStream.empty();
    return java.util.stream.IntStream.concat(first, last)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString()
        .toUpperCase(java.util.Locale.ROOT);
  }
}
