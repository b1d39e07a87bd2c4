package io.carebook.conversations.understanding;

/** What a patient's message asks for, found from keywords in English, Spanish and Arabic. */
public enum Intent {
  /** Wants an appointment: "book", "cita", "حجز". */
  BOOK,
  /** Confirms an appointment or an offer: "confirm", "confirmo", "تأكيد". */
  CONFIRM,
  /** Wants to cancel: "cancel", "cancelar", "إلغاء", "الغي". */
  CANCEL,
  /** Wants to move an appointment: "change", "reprogramar", "تغيير", "أأجل". */
  MOVE,
  /** Asks where the clinic is: "where", "dónde", "العنوان", "فين". */
  WHERE,
  /** Asks when the appointment is: "what time", "a qué hora", "امتى". */
  WHEN,
  /** Wants a person: "human", "recepción", "موظف", "حد يكلمني". */
  PERSON,
  /** Says hello: "hi", "hola", "السلام عليكم". */
  GREETING,
  /** Asks to stop messages: "stop", "baja", "إيقاف". */
  STOP,
  /** Asks to start messages again: "start", "alta", "ابدأ". */
  START,
  /** Asks for help or the menu: "help", "ayuda", "مساعدة". */
  HELP
}
