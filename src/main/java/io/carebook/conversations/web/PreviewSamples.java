package io.carebook.conversations.web;

/**
 * Invented arguments for the settings page's previews, as the assistant fills each message: the
 * clinic, the patient, the doctor, a day and time (conversations' bundle names what {0}, {1}, {2}
 * stand for in each message).
 */
final class PreviewSamples {

  private PreviewSamples() {}

  static Object[] of(String key, String language, String clinic) {
    var ar = language.equals("ar");
    var patient = ar ? "أمل حسن" : "Amal Hassan";
    var doctor = ar ? "د. هناء فاروق" : "Dr Hana Farouk";
    var when =
        ar
            ? "الثلاثاء ٨ ديسمبر ١٠:٣٠"
            : language.equals("es") ? "mar 8 dic 10:30" : "Tue 8 Dec 10:30";
    return switch (key) {
      case "greeting" -> new Object[] {clinic, (ar ? "، " : ", ") + patient};
      case "time", "time.none", "confirmed", "canceled", "move" -> new Object[] {when};
      case "confirm", "booked", "appointment" -> new Object[] {patient, doctor, when};
      case "moved" -> new Object[] {when, doctor};
      case "refused" -> new Object[] {ar ? "الطبيب غير متاح" : "the doctor is away"};
      case "where" -> new Object[] {clinic, "12 Nile Street", "https://maps.example/clinic"};
      default -> new Object[] {clinic};
    };
  }
}
