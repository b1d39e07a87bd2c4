package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One-word replies in three languages, whatever their case, accents or hamza. */
class ReplyKeywordsTests {

  @ParameterizedTest
  @CsvSource({
    "YES, CONFIRM",
    "yes!, CONFIRM",
    "Sí, CONFIRM",
    "si, CONFIRM",
    "نعم, CONFIRM",
    "تأكيد, CONFIRM",
    "CANCEL, CANCEL",
    "cancelar, CANCEL",
    "إلغاء, CANCEL",
    "الغاء, CANCEL",
    "STOP, STOP",
    "Baja, STOP",
    "إلغاء الاشتراك, STOP",
    "إيقاف, STOP",
    "START, START",
    "alta, START",
    "Can I come at 5?, OTHER",
    "yes please, OTHER"
  })
  void repliesMeanWhatTheySay(String text, ReplyKeywords meaning) {
    assertThat(ReplyKeywords.of(text)).isEqualTo(meaning);
  }
}
