package io.carebook.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phrases in English, Spanish and Arabic (three digit scripts) read at a fixed now: Wednesday
 * 2026-12-09 10:00, the same local time in each of the regions the clinics serve.
 */
class UnderstandingTests {

  private static final LocalDateTime WEDNESDAY_MORNING = LocalDateTime.of(2026, 12, 9, 10, 0);
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("America/Bogota"), ZoneId.of("Africa/Cairo"), ZoneId.of("Asia/Kolkata"));

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "phrases.csv", delimiter = '|', numLinesToSkip = 1)
  void readsThePhraseAsAClinicWould(
      String text,
      String hint,
      @Nullable String language,
      @Nullable String intents,
      @Nullable LocalDate date,
      @Nullable LocalDate until,
      @Nullable LocalTime time,
      @Nullable DayPart dayPart,
      @Nullable Integer number,
      @Nullable Boolean yes) {
    var expected =
        new Reading(
            language == null ? null : Locale.forLanguageTag(language),
            intentsOf(intents),
            date,
            until,
            time,
            dayPart,
            number,
            yes);
    for (var zone : ZONES) {
      var now = ZonedDateTime.of(WEDNESDAY_MORNING, zone);
      assertThat(Understanding.read(text, Locale.forLanguageTag(hint), now))
          .as("%s in %s", text, zone)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "I have 2 kids",
        "call me on 3001234567",
        "I'm 35 years old",
        "I sat in the sun",
        "my room number is 12",
        "the price is 12.50",
        "thanks",
        "what's the weather like",
        "I'll be late",
        "llego tarde",
        "buenas tardes",
        "buenas noches",
        "good evening",
        "tengo 15 años",
        "31/2",
        "13/13",
        "صباح الخير",
        "مساء الخير",
        "عندي ٣ اولاد",
        "الحمد لله",
        "شكرا",
        "الساعة كام",
        "may I bring my son",
        "hola, ¿cómo estás?"
      })
  void findsNoDayOrTimeWhereNoneWasSaid(String text) {
    var reading =
        Understanding.read(text, Locale.ENGLISH, ZonedDateTime.of(WEDNESDAY_MORNING, ZONES.get(0)));

    assertThat(reading.date()).as("date").isNull();
    assertThat(reading.until()).as("until").isNull();
    assertThat(reading.time()).as("time").isNull();
    assertThat(reading.number()).as("number").isNull();
  }

  @Test
  void greetingsThatNamePartsOfTheDayNameNone() {
    var now = ZonedDateTime.of(WEDNESDAY_MORNING, ZONES.get(1));

    assertThat(Understanding.read("buenas tardes", Locale.ENGLISH, now).dayPart()).isNull();
    assertThat(Understanding.read("صباح الخير", Locale.ENGLISH, now).dayPart()).isNull();
    assertThat(Understanding.read("good evening", Locale.ENGLISH, now).dayPart()).isNull();
  }

  @Test
  void daysCountFromTheClinicsOwnDate() {
    var earlyInKolkata = ZonedDateTime.of(2026, 12, 10, 2, 0, 0, 0, ZoneId.of("Asia/Kolkata"));
    var sameInstantInBogota = earlyInKolkata.withZoneSameInstant(ZoneId.of("America/Bogota"));

    assertThat(Understanding.read("tomorrow", Locale.ENGLISH, earlyInKolkata).date())
        .isEqualTo(LocalDate.of(2026, 12, 11));
    assertThat(Understanding.read("tomorrow", Locale.ENGLISH, sameInstantInBogota).date())
        .isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(Understanding.read("hoy", Locale.ENGLISH, sameInstantInBogota).date())
        .isEqualTo(LocalDate.of(2026, 12, 9));
  }

  @Test
  void aHashBeforeANumberIsAChoice() {
    var now = ZonedDateTime.of(WEDNESDAY_MORNING, ZONES.get(0));

    assertThat(Understanding.read("#3", Locale.ENGLISH, now).number()).isEqualTo(3);
  }

  @Test
  void aDayWithoutAYearThatHasPassedIsNextYears() {
    var now = ZonedDateTime.of(WEDNESDAY_MORNING, ZONES.get(0));

    assertThat(Understanding.read("8/12", Locale.ENGLISH, now).date())
        .isEqualTo(LocalDate.of(2027, 12, 8));
    assertThat(Understanding.read("٩/١٢", Locale.ENGLISH, now).date())
        .isEqualTo(LocalDate.of(2026, 12, 9));
  }

  private static Set<Intent> intentsOf(@Nullable String names) {
    var intents = EnumSet.noneOf(Intent.class);
    if (names != null) {
      Arrays.stream(names.split(",")).map(String::strip).map(Intent::valueOf).forEach(intents::add);
    }
    return intents;
  }
}
