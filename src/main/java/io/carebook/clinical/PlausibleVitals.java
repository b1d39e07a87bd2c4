package io.carebook.clinical;

import io.carebook.shared.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Vital signs within the range a living patient can show (the database checks the same ranges): a
 * value outside it is a typing slip, answered with a field error naming the range and unit. At
 * least one measure is required, and a diastolic pressure below the systolic one.
 */
final class PlausibleVitals {

  record Range(String field, double min, double max, String unit, int decimals) {}

  static final List<Range> RANGES =
      List.of(
          new Range("systolic", 50, 260, "mmHg", 0),
          new Range("diastolic", 30, 160, "mmHg", 0),
          new Range("pulse", 20, 250, "/min", 0),
          new Range("temperature", 30, 45, "°C", 1),
          new Range("respiratoryRate", 4, 80, "/min", 0),
          new Range("oxygen", 50, 100, "%", 0),
          new Range("weight", 0.3, 400, "kg", 1),
          new Range("height", 20, 250, "cm", 1));

  private PlausibleVitals() {}

  static void check(Vitals.Input in) {
    var values =
        new Object[] {
          in.systolic(),
          in.diastolic(),
          in.pulse(),
          in.temperature(),
          in.respiratoryRate(),
          in.oxygen(),
          in.weight(),
          in.height()
        };
    var errors = new ArrayList<ProblemException.FieldError>();
    var any = false;
    for (int i = 0; i < RANGES.size(); i++) {
      var value = number(values[i]);
      if (value == null) {
        continue;
      }
      any = true;
      var range = RANGES.get(i);
      if (value.doubleValue() < range.min()
          || value.doubleValue() > range.max()
          || value.stripTrailingZeros().scale() > range.decimals()) {
        errors.add(
            new ProblemException.FieldError(
                range.field(),
                "must be between "
                    + plain(range.min())
                    + " and "
                    + plain(range.max())
                    + " "
                    + range.unit()
                    + (range.decimals() == 0 ? ", a whole number" : ", one decimal at most")));
      }
    }
    if (!any) {
      errors.add(new ProblemException.FieldError("vitals", "give at least one measure"));
    }
    if (errors.isEmpty()
        && in.systolic() != null
        && in.diastolic() != null
        && in.diastolic() >= in.systolic()) {
      errors.add(
          new ProblemException.FieldError("diastolic", "must be lower than the systolic pressure"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "Some vital signs are implausible.", errors);
    }
  }

  private static @Nullable BigDecimal number(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal d -> d;
      case Integer i -> BigDecimal.valueOf(i);
      default -> throw new IllegalArgumentException(value.toString());
    };
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
