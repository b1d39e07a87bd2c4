package io.carebook.conversations.understanding;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which language a message is in: Arabic from its script; Spanish or English from its words (and
 * Spanish from ñ, accents, ¿ or ¡). Words both languages share ("no", "ok") say nothing; a tie goes
 * to the hint when it is one of the two, else no language is named.
 */
final class Languages {

  static final Locale ARABIC = Locale.forLanguageTag("ar");
  static final Locale SPANISH = Locale.forLanguageTag("es");

  private static final Pattern SPANISH_LETTERS = Pattern.compile("[ñáéíóúü¿¡]");
  private static final Set<String> SPANISH_WORDS =
      Set.of(
          "hola",
          "si",
          "quiero",
          "quisiera",
          "cita",
          "citas",
          "turno",
          "manana",
          "hoy",
          "pasado",
          "semana",
          "proximo",
          "proxima",
          "que",
          "viene",
          "lunes",
          "martes",
          "miercoles",
          "jueves",
          "viernes",
          "sabado",
          "domingo",
          "por",
          "favor",
          "gracias",
          "de",
          "la",
          "las",
          "el",
          "los",
          "una",
          "un",
          "para",
          "mi",
          "tarde",
          "noche",
          "hora",
          "cuando",
          "donde",
          "cancelar",
          "cambiar",
          "mover",
          "reprogramar",
          "ayuda",
          "buenas",
          "buenos",
          "dias",
          "vale",
          "claro",
          "dale",
          "puedo",
          "tengo",
          "necesito",
          "con",
          "persona",
          "recepcion",
          "agendar",
          "reservar",
          "esta",
          "este",
          "y",
          "media",
          "cuarto",
          "es",
          "en",
          "nada",
          "mejor",
          "ver",
          "hablar",
          "medico",
          "consulta",
          "ubicacion",
          "direccion",
          "confirmo",
          "confirmar",
          "perfecto",
          "al",
          "mediodia",
          "queda",
          "clinica",
          "mas",
          "del",
          "puede",
          "nos",
          "vemos",
          "baja",
          "alta");
  private static final Set<String> ENGLISH_WORDS =
      Set.of(
          "hi",
          "hello",
          "hey",
          "yes",
          "yeah",
          "yep",
          "the",
          "at",
          "on",
          "in",
          "i",
          "im",
          "my",
          "want",
          "need",
          "appointment",
          "book",
          "tomorrow",
          "tmrw",
          "today",
          "tonight",
          "next",
          "week",
          "morning",
          "afternoon",
          "evening",
          "please",
          "thanks",
          "thank",
          "you",
          "can",
          "cancel",
          "change",
          "reschedule",
          "where",
          "when",
          "what",
          "time",
          "help",
          "stop",
          "start",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "pm",
          "am",
          "is",
          "to",
          "me",
          "would",
          "like",
          "sure",
          "nope",
          "of",
          "course",
          "and",
          "half",
          "past",
          "quarter",
          "this",
          "it",
          "talk",
          "speak",
          "someone",
          "human",
          "agent",
          "confirm",
          "an",
          "see",
          "doctor",
          "address",
          "location",
          "fine",
          "good",
          "days",
          "with",
          "for",
          "its");

  private Languages() {}

  static @Nullable Locale detect(String original, String normalized, Locale hint) {
    if (Text.hasArabicLetters(original)) {
      return ARABIC;
    }
    var spanish = SPANISH_LETTERS.matcher(original.toLowerCase(Locale.ROOT)).find() ? 2 : 0;
    var english = 0;
    for (var word : normalized.strip().split(" ")) {
      spanish += SPANISH_WORDS.contains(word) ? 1 : 0;
      english += ENGLISH_WORDS.contains(word) ? 1 : 0;
    }
    if (spanish != english) {
      return spanish > english ? SPANISH : Locale.ENGLISH;
    }
    if (spanish > 0 && hint.getLanguage().equals("es")) {
      return SPANISH;
    }
    return spanish > 0 && hint.getLanguage().equals("en") ? Locale.ENGLISH : null;
  }
}
