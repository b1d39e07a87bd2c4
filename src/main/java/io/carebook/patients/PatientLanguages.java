package io.carebook.patients;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The language a patient chose for what is written to them (messages, and the invoices, receipts
 * and prescriptions printed for them). Notifications keeps it with the patient's message
 * preferences and implements this; billing and clinical read it without depending on notifications.
 */
public interface PatientLanguages {

  Set<String> SUPPORTED = Set.of("en", "es", "ar");

  /** The patient's chosen language, or null when they chose none. */
  @Nullable Locale of(Patient.PatientId patient);

  /**
   * A document's language: the one asked for explicitly, else the patient's, else the clinic's;
   * English when none of them is English, Spanish or Arabic. Never the language of the staff
   * member's page that printed it.
   */
  static Locale forDocument(@Nullable Locale asked, @Nullable Locale patient, Locale clinic) {
    for (var candidate : new Locale[] {asked, patient, clinic}) {
      if (candidate != null && SUPPORTED.contains(candidate.getLanguage())) {
        return Locale.of(candidate.getLanguage());
      }
    }
    return Locale.ENGLISH;
  }
}
