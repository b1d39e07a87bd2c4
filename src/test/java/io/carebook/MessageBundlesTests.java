package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every label exists in English, Spanish and Arabic: each base bundle under {@code messages/} has
 * an {@code _es} and an {@code _ar} twin with exactly the same keys, no blank text, the same
 * placeholders, and valid UTF-8 (the encoding Spring reads them in).
 */
class MessageBundlesTests {

  private static final Path MESSAGES = Path.of("src/main/resources/messages");
  private static final List<String> TRANSLATIONS = List.of("es", "ar");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");
  private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");

  /** A Latin comma between Arabic words (or a placeholder standing for one) in a sentence. */
  private static final Pattern LATIN_COMMA_IN_ARABIC =
      Pattern.compile(
          "\\p{IsArabic}[\\s)\"'»]*,\\s*[(\"'«]*(\\p{IsArabic}|\\{\\d+})"
              + "|\\{\\d+}[\\s)\"'»]*,\\s*[(\"'«]*\\p{IsArabic}");

  @TestFactory
  Stream<DynamicTest> everyBundleHasTheSameKeysInEveryLanguage() {
    return baseBundles()
        .flatMap(
            base ->
                TRANSLATIONS.stream()
                    .map(
                        lang ->
                            DynamicTest.dynamicTest(
                                name(base) + "_" + lang + " matches " + name(base),
                                () -> sameKeys(base, lang))));
  }

  @TestFactory
  Stream<DynamicTest> noTextIsBlankAndPlaceholdersMatch() {
    return baseBundles()
        .flatMap(
            base ->
                TRANSLATIONS.stream()
                    .map(
                        lang ->
                            DynamicTest.dynamicTest(
                                name(base) + "_" + lang + " is complete",
                                () -> completeTranslation(base, lang))));
  }

  @Test
  void arabicTextSurvivesTheRoundTripThroughUtf8() {
    baseBundles()
        .map(base -> load(variant(base, "ar")))
        .forEach(
            arabic ->
                assertThat(arabic.values())
                    .as("Arabic bundles are written in Arabic script, read as UTF-8")
                    .anyMatch(v -> ARABIC.matcher(v.toString()).find()));
  }

  @Test
  void arabicSentencesUseTheArabicCommaNotTheLatinOne() {
    baseBundles()
        .map(base -> variant(base, "ar"))
        .forEach(
            file ->
                load(file)
                    .forEach(
                        (key, value) ->
                            assertThat(withoutChoiceFormats(value.toString()))
                                .as(
                                    "%s in %s: Arabic text takes \u060C, not a Latin comma",
                                    key, file)
                                .doesNotContainPattern(LATIN_COMMA_IN_ARABIC)));
  }

  @Test
  void arabicDatePatternsUseTheArabicComma() {
    baseBundles()
        .map(base -> load(variant(base, "ar")))
        .forEach(
            arabic ->
                arabic.forEach(
                    (key, value) -> {
                      if (key.toString().contains(".format.")) {
                        assertThat(value.toString()).as("date pattern %s", key).doesNotContain(",");
                      }
                    }));
  }

  @Test
  void theArabicCommaCheckCatchesALatinComma() {
    assertThat("نعم, ألغِ موعدي").containsPattern(LATIN_COMMA_IN_ARABIC);
    assertThat("مرحبًا {0}, موعدك غدًا").containsPattern(LATIN_COMMA_IN_ARABIC);
    assertThat("نعم، ألغِ موعدي").doesNotContainPattern(LATIN_COMMA_IN_ARABIC);
    assertThat(withoutChoiceFormats("{0,choice,0#لا أحد|1#مريض واحد}"))
        .doesNotContainPattern(LATIN_COMMA_IN_ARABIC);
  }

  /** A placeholder's own commas ({@code {0,choice,...}}, {@code {1,number}}) are syntax. */
  private static String withoutChoiceFormats(String text) {
    return text.replaceAll("\\{(\\d+),", "{$1;");
  }

  @Test
  void everyBundleIsRegisteredWithSpringAndHasNoStrayVariant() throws IOException {
    var settings = load(Path.of("src/main/resources/application.properties"));
    var registered = Set.of(settings.getProperty("spring.messages.basename").split("\\s*,\\s*"));
    var bases = new TreeSet<String>();
    baseBundles().forEach(base -> bases.add("messages/" + name(base)));
    assertThat(registered)
        .as("spring.messages.basename")
        .containsExactlyInAnyOrderElementsOf(bases);

    try (var files = Files.list(MESSAGES)) {
      files
          .map(f -> f.getFileName().toString())
          .forEach(
              file ->
                  assertThat(file)
                      .as("a bundle file is a base or one of its translations")
                      .matches(f -> isKnown(f, bases)));
    }
  }

  private static void sameKeys(Path base, String lang) {
    var expected = keys(load(base));
    var actual = keys(load(variant(base, lang)));
    var missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    var extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertThat(missing).as("keys missing from %s", variant(base, lang).getFileName()).isEmpty();
    assertThat(extra).as("keys only in %s", variant(base, lang).getFileName()).isEmpty();
  }

  private static void completeTranslation(Path base, String lang) {
    var original = load(base);
    var translated = load(variant(base, lang));
    for (var bundle : List.of(original, translated)) {
      bundle.forEach(
          (key, value) -> assertThat(value.toString()).as("text of %s", key).isNotBlank());
    }
    original.forEach(
        (key, value) -> {
          var text = translated.getProperty(key.toString());
          if (text != null) {
            assertThat(placeholders(text))
                .as("placeholders of %s in %s", key, lang)
                .isEqualTo(placeholders(value.toString()));
          }
        });
  }

  private static Stream<Path> baseBundles() {
    try (var files = Files.list(MESSAGES)) {
      var bases =
          files
              .filter(f -> f.getFileName().toString().endsWith(".properties"))
              .filter(f -> !name(f).contains("_"))
              .sorted()
              .toList();
      assertThat(bases).as("message bundles in " + MESSAGES.toAbsolutePath()).isNotEmpty();
      return bases.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString().replaceFirst("\\.properties$", "");
  }

  private static Path variant(Path base, String lang) {
    return base.resolveSibling(name(base) + "_" + lang + ".properties");
  }

  private static boolean isKnown(String file, Set<String> bases) {
    return bases.stream()
        .map(b -> b.substring("messages/".length()))
        .anyMatch(
            b ->
                file.equals(b + ".properties")
                    || TRANSLATIONS.stream()
                        .anyMatch(lang -> file.equals(b + "_" + lang + ".properties")));
  }

  private static Set<String> keys(Properties properties) {
    return new TreeSet<>(properties.stringPropertyNames());
  }

  private static Set<String> placeholders(String text) {
    var found = new TreeSet<String>();
    PLACEHOLDER.matcher(text).results().forEach(m -> found.add("{" + m.group(1) + "}"));
    return found;
  }

  /** Reads strictly as UTF-8: a byte sequence that is not UTF-8 fails instead of turning to ?. */
  private static Properties load(Path file) {
    assertThat(file).as("bundle file").exists();
    var properties = new Properties();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid UTF-8 or not readable: " + e, e);
    }
    return properties;
  }
}
