package io.carebook.patients;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reason to stop and think before prescribing: the patient is recorded allergic to the drug, or
 * already takes it. {@code recordId} is the allergy's or the medication's id.
 */
public record SafetyWarning(
    Kind kind,
    UUID recordId,
    String recorded,
    Allergy.@Nullable Severity severity,
    @Nullable String reaction) {

  public enum Kind {
    ALLERGY,
    DUPLICATE_MEDICATION
  }

  /** A sentence for people and logs, in English; pages use message keys instead. */
  public String describe() {
    return switch (kind) {
      case ALLERGY ->
          "Recorded allergy to "
              + recorded
              + " ("
              + severity
              + (reaction == null ? "" : ", " + reaction)
              + ")";
      case DUPLICATE_MEDICATION -> "Already taking " + recorded;
    };
  }
}
