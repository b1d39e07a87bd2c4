package io.carebook.conversations.understanding;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bare number or choice: the whole message is a number ("2", "٢", "۲", "#2", "option 2", "رقم ٢")
 * or a number word from one to ten ("dos", "اتنين"). A number inside a sentence is not a choice.
 */
final class Choices {

  private static final Pattern CHOICE =
      Pattern.compile(" (?:(?:option|opcion|number|numero|n|la|el|رقم|الخيار|خيار) )?(\\d{1,3}) ");
  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("uno", 1),
          Map.entry("una", 1),
          Map.entry("dos", 2),
          Map.entry("tres", 3),
          Map.entry("cuatro", 4),
          Map.entry("cinco", 5),
          Map.entry("seis", 6),
          Map.entry("siete", 7),
          Map.entry("ocho", 8),
          Map.entry("nueve", 9),
          Map.entry("diez", 10),
          Map.entry("واحد", 1),
          Map.entry("واحده", 1),
          Map.entry("اتنين", 2),
          Map.entry("اثنين", 2),
          Map.entry("تلاته", 3),
          Map.entry("ثلاثه", 3),
          Map.entry("اربعه", 4),
          Map.entry("خمسه", 5),
          Map.entry("سته", 6),
          Map.entry("سبعه", 7),
          Map.entry("تمانيه", 8),
          Map.entry("ثمانيه", 8),
          Map.entry("تسعه", 9),
          Map.entry("عشره", 10));

  private Choices() {}

  static @Nullable Integer in(String normalized) {
    var m = CHOICE.matcher(normalized);
    if (m.matches()) {
      return Integer.valueOf(m.group(1));
    }
    return WORDS.get(normalized.strip());
  }
}
