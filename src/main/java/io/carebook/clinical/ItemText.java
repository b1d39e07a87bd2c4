package io.carebook.clinical;

import io.carebook.shared.ProblemException;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A prescription item as it may be kept: a drug (at most 200 characters), the other parts at most
 * 100 (instructions 1000), no NUL character; trimmed, blank parts left out.
 */
final class ItemText {

  private ItemText() {}

  static Prescription.NewItem checked(Prescription.NewItem item) {
    Charting.printable("drug", item.drug());
    Charting.printable("strength", item.strength());
    Charting.printable("form", item.form());
    Charting.printable("dose", item.dose());
    Charting.printable("frequency", item.frequency());
    Charting.printable("duration", item.duration());
    Charting.printable("route", item.route());
    Charting.printable("instructions", item.instructions());
    var errors = new ArrayList<ProblemException.FieldError>();
    if (item.drug() == null || item.drug().isBlank()) {
      errors.add(new ProblemException.FieldError("drug", "is required"));
    } else if (item.drug().strip().length() > 200) {
      errors.add(new ProblemException.FieldError("drug", "must be at most 200 characters"));
    }
    var fields =
        new String[] {"strength", "form", "dose", "frequency", "duration", "route", "instructions"};
    var values =
        new @Nullable String[] {
          item.strength(),
          item.form(),
          item.dose(),
          item.frequency(),
          item.duration(),
          item.route(),
          item.instructions()
        };
    for (int i = 0; i < fields.length; i++) {
      var max = fields[i].equals("instructions") ? 1000 : 100;
      if (values[i] != null && values[i].strip().length() > max) {
        errors.add(
            new ProblemException.FieldError(fields[i], "must be at most " + max + " characters"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
    return new Prescription.NewItem(
        item.drug().strip(),
        blank(values[0]),
        blank(values[1]),
        blank(values[2]),
        blank(values[3]),
        blank(values[4]),
        blank(values[5]),
        blank(values[6]));
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
