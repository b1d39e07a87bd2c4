package io.carebook.conversations.understanding;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Intents from keywords in English, Spanish and Arabic. Nouns that only name an appointment
 * ("appointment", "cita", "موعد") count as BOOK only when nothing else is asked about it, so
 * "cancel my appointment" is CANCEL alone and "when is my appointment" WHEN alone; STOP wins over
 * CANCEL ("cancel subscription", "إلغاء الاشتراك").
 */
final class Intents {

  private static final Map<Intent, Phrases> KEYWORDS = new EnumMap<>(Intent.class);

  static {
    KEYWORDS.put(
        Intent.BOOK,
        Phrases.of(
            "book*",
            "schedule",
            "make an appointment",
            "new appointment",
            "reservar",
            "reserva",
            "agendar",
            "agenda",
            "sacar una cita",
            "pedir cita",
            "pedir una cita",
            "nueva cita",
            "احجز",
            "عايز احجز",
            "اريد حجز",
            "احجزلي",
            "ابغى احجز",
            "موعد جديد"));
    KEYWORDS.put(
        Intent.CONFIRM,
        Phrases.of(
            "confirm*",
            "confirmo",
            "confirmar",
            "confirmado",
            "confirmada",
            "تأكيد",
            "أكد",
            "اكد",
            "أأكد",
            "مأكد",
            "بأكد",
            "مؤكد"));
    KEYWORDS.put(
        Intent.CANCEL,
        Phrases.of(
            "cancel*", "anular", "anula", "anulo", "إلغاء", "الغاء", "الغي*", "ألغي*", "كنسل*",
            "هلغي", "بلغي"));
    KEYWORDS.put(
        Intent.MOVE,
        Phrases.of(
            "reschedul*",
            "move",
            "change",
            "change the time",
            "postpone",
            "another day",
            "another time",
            "different time",
            "cambiar",
            "cambio",
            "cambiarla",
            "cambiarlo",
            "mover",
            "moverla",
            "reprogram*",
            "aplazar",
            "posponer",
            "otro dia",
            "otra hora",
            "تغيير",
            "اغير*",
            "نغير*",
            "أأجل*",
            "تأجيل",
            "تاجيل",
            "أجل الموعد",
            "ميعاد تاني",
            "موعد آخر",
            "يوم تاني",
            "وقت تاني"));
    KEYWORDS.put(
        Intent.WHERE,
        Phrases.of(
            "where",
            "wheres",
            "address",
            "location",
            "directions",
            "dónde",
            "direccion",
            "dirección",
            "ubicación",
            "como llego",
            "العنوان",
            "عنوان*",
            "فين",
            "وين",
            "أين",
            "الموقع",
            "لوكيشن",
            "اللوكيشن",
            "مكان العيادة"));
    KEYWORDS.put(
        Intent.WHEN,
        Phrases.of(
            "what time",
            "when",
            "whens",
            "a qué hora",
            "a que hora",
            "cuándo",
            "qué hora",
            "امتى",
            "إمتى",
            "ايمتى",
            "متى",
            "الساعة كام",
            "الساعه كام",
            "الموعد امتى",
            "ميعادي امتى",
            "أي ساعة"));
    KEYWORDS.put(
        Intent.PERSON,
        Phrases.of(
            "human",
            "agent",
            "person",
            "real person",
            "someone",
            "operator",
            "reception*",
            "receptionist",
            "staff",
            "talk to",
            "speak to",
            "persona",
            "humano",
            "recepción",
            "recepcion",
            "agente",
            "operador",
            "hablar con",
            "موظف",
            "حد يكلمني",
            "انسان",
            "إنسان",
            "بشري",
            "الاستقبال",
            "كلمني",
            "أكلم حد",
            "اكلم حد",
            "خدمة العملاء",
            "السكرتيرة"));
    KEYWORDS.put(Intent.GREETING, Greetings.PHRASES);
    KEYWORDS.put(
        Intent.STOP,
        Phrases.of(
            "stop",
            "unsubscribe",
            "stop messages",
            "no more messages",
            "stop sending",
            "baja",
            "darme de baja",
            "no mas mensajes",
            "no más mensajes",
            "parar",
            "detener",
            "إيقاف",
            "ايقاف",
            "توقف",
            "وقف الرسائل",
            "إلغاء الاشتراك",
            "الغاء الاشتراك"));
    KEYWORDS.put(
        Intent.START,
        Phrases.of(
            "start",
            "subscribe",
            "unstop",
            "resume",
            "alta",
            "darme de alta",
            "empezar",
            "comenzar",
            "ابدأ",
            "إبدأ",
            "اشترك",
            "تفعيل"));
    KEYWORDS.put(
        Intent.HELP,
        Phrases.of(
            "help",
            "menu",
            "options",
            "ayuda",
            "menú",
            "opciones",
            "مساعدة",
            "ساعدني",
            "القائمة",
            "منيو",
            "الخيارات"));
  }

  private static final Phrases APPOINTMENT_NOUNS =
      Phrases.of(
          "appointment*",
          "appt",
          "cita",
          "citas",
          "turno",
          "consulta",
          "موعد",
          "ميعاد",
          "كشف",
          "حجز",
          "الحجز");

  private static final Set<Intent> ABOUT_AN_APPOINTMENT =
      EnumSet.of(Intent.CONFIRM, Intent.CANCEL, Intent.MOVE, Intent.WHERE, Intent.WHEN);

  private Intents() {}

  static Set<Intent> in(String normalized) {
    var found = EnumSet.noneOf(Intent.class);
    KEYWORDS.forEach(
        (intent, words) -> {
          if (words.in(normalized)) {
            found.add(intent);
          }
        });
    if (APPOINTMENT_NOUNS.in(normalized)
        && found.stream().noneMatch(ABOUT_AN_APPOINTMENT::contains)) {
      found.add(Intent.BOOK);
    }
    if (found.contains(Intent.STOP)) {
      found.remove(Intent.CANCEL);
    }
    return found;
  }
}
