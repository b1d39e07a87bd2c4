package io.carebook.notifications;

import io.carebook.patients.Patient;
import io.carebook.patients.PatientLanguages;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The language of a patient's message preferences, for the documents printed for them too. */
@Component
class MessageLanguages implements PatientLanguages {

  private final MessagePreferences preferences;

  MessageLanguages(MessagePreferences preferences) {
    this.preferences = preferences;
  }

  @Override
  public @Nullable Locale of(Patient.PatientId patient) {
    var language = preferences.of(patient.value()).language();
    return language == null ? null : Locale.forLanguageTag(language);
  }
}
