package io.carebook.clinical;

import io.carebook.shared.ProblemException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A SOAP note as it may be kept: each part at most {@link Charting#TEXT_MAX} characters, a
 * diagnosis of at most 500, an ICD-10 code that reads as one ({@link Icd10Codes}), no NUL
 * character; trimmed, the code in its usual form. Every invalid part is a field error.
 */
final class NoteText {

  private NoteText() {}

  static Note.Draft checked(Note.Draft d) {
    Charting.printable("subjective", d.subjective());
    Charting.printable("objective", d.objective());
    Charting.printable("assessment", d.assessment());
    Charting.printable("diagnosis", d.diagnosis());
    Charting.printable("icd10", d.icd10());
    Charting.printable("plan", d.plan());
    var errors = new java.util.ArrayList<ProblemException.FieldError>();
    for (var field :
        List.of(
            java.util.Map.entry("subjective", text(d.subjective())),
            java.util.Map.entry("objective", text(d.objective())),
            java.util.Map.entry("assessment", text(d.assessment())),
            java.util.Map.entry("plan", text(d.plan())))) {
      if (field.getValue().length() > Charting.TEXT_MAX) {
        errors.add(
            new ProblemException.FieldError(
                field.getKey(), "must be at most " + Charting.TEXT_MAX + " characters"));
      }
    }
    var diagnosis = d.diagnosis() == null || d.diagnosis().isBlank() ? null : d.diagnosis().strip();
    if (diagnosis != null && diagnosis.length() > 500) {
      errors.add(new ProblemException.FieldError("diagnosis", "must be at most 500 characters"));
    }
    var icd10 = Icd10Codes.normalize(d.icd10());
    if (icd10 != null && !Icd10Codes.valid(icd10)) {
      errors.add(
          new ProblemException.FieldError(
              "icd10", "is not an ICD-10 code (a letter, two digits, e.g. J06.9)"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
    return new Note.Draft(
        text(d.subjective()),
        text(d.objective()),
        text(d.assessment()),
        diagnosis,
        icd10,
        text(d.plan()));
  }

  private static String text(@Nullable String typed) {
    return typed == null ? "" : typed.strip();
  }
}
