package io.carebook.clinical;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * A patient's age as a prescription states it: whole years, or whole months under two years (a
 * child's dose depends on it).
 */
record PatientAge(int value, boolean inMonths) {

  /** The age on {@code day}, or null without a date of birth (or one after that day). */
  static @Nullable PatientAge on(@Nullable LocalDate born, LocalDate day) {
    if (born == null || born.isAfter(day)) {
      return null;
    }
    var period = Period.between(born, day);
    return period.getYears() < 2
        ? new PatientAge((int) period.toTotalMonths(), true)
        : new PatientAge(period.getYears(), false);
  }

  /** The message key that writes it: clinical.pdf.age.years or clinical.pdf.age.months. */
  String messageKey() {
    return inMonths ? "clinical.pdf.age.months" : "clinical.pdf.age.years";
  }
}
