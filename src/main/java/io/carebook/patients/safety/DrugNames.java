package io.carebook.patients.safety;

import io.carebook.patients.PersonName;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Whether two names denote the same substance, as far as names tell: normalized as {@link
 * PersonName} does (case, accents, Arabic letter variants, punctuation, spacing), strengths and
 * forms set aside, then one name's words must appear in order within the other's ("Amoxicillin 500
 * mg caps" and "amoxicillin"; "Co-amoxiclav" and "amoxiclav"). Drug classes (a penicillin allergy
 * and amoxicillin) need a drug dictionary, which this rule does not have.
 */
public final class DrugNames {

  private static final Set<String> NOISE =
      Set.of(
          "mg",
          "g",
          "mcg",
          "µg",
          "ug",
          "ml",
          "l",
          "iu",
          "units",
          "unit",
          "%",
          "tab",
          "tabs",
          "tablet",
          "tablets",
          "cap",
          "caps",
          "capsule",
          "capsules",
          "syrup",
          "susp",
          "suspension",
          "inj",
          "injection",
          "cream",
          "ointment",
          "drops",
          "sr",
          "xr",
          "er");

  private DrugNames() {}

  public static String normalize(String typed) {
    return String.join(" ", words(typed));
  }

  public static boolean sameSubstance(String a, String b) {
    var left = words(a);
    var right = words(b);
    if (left.isEmpty() || right.isEmpty()) {
      return false;
    }
    return left.size() <= right.size()
        ? Collections.indexOfSubList(right, left) >= 0
        : Collections.indexOfSubList(left, right) >= 0;
  }

  private static List<String> words(String typed) {
    return Arrays.stream(PersonName.normalize(typed).split(" "))
        .filter(w -> !w.isEmpty())
        .filter(w -> !NOISE.contains(w))
        .filter(w -> !w.matches("[\\d.,/]+(mg|g|mcg|ml|%)?"))
        .toList();
  }
}
