package io.carebook.conversations.bot;

import io.carebook.conversations.bot.Reply.Option;
import io.carebook.conversations.bot.Step.Stage;
import io.carebook.conversations.understanding.DayPart;
import io.carebook.conversations.understanding.Intent;
import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.BookingRules;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.ServiceTypes;
import io.carebook.scheduling.Slot;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The bot's side of a conversation, one turn at a time: from what the patient sent and the bot's
 * place ({@link Step}) to its replies and its next place. Language (detected, else chosen), who the
 * patient is (known by the phone; a family sharing it picks the person; a new phone gives a name
 * and is registered by patients' own rule when it books), then booking (doctor, service, day and
 * time from live availability, confirmation) or the booked appointment (when, confirm, move,
 * cancel), and where the clinic is. Asking for a person, or two answers in a row it does not
 * understand, hands the conversation to a person.
 */
@Component
class Dialogue {

  /** How far ahead the bot offers days, and looks for a patient's appointments. */
  static final int DAYS_AHEAD = 14;

  static final Duration APPOINTMENTS_AHEAD = Duration.ofDays(120);

  private static final Map<String, Locale> LANGUAGES =
      Map.of(
          "en",
          Locale.ENGLISH,
          "es",
          Locale.forLanguageTag("es"),
          "ar",
          Locale.forLanguageTag("ar"));
  private static final Set<String> POLICIES =
      Set.of(
          "service-type-offered",
          "within-hours",
          "on-grid",
          "minimum-notice",
          "horizon",
          "daily-cap",
          "seats-left",
          "plan-monthly-limit");

  private final PatientDirectory patients;
  private final Scheduling scheduling;
  private final ServiceTypes serviceTypes;
  private final Actions actions;

  Dialogue(
      PatientDirectory patients,
      Scheduling scheduling,
      ServiceTypes serviceTypes,
      Actions actions) {
    this.patients = patients;
    this.scheduling = scheduling;
    this.serviceTypes = serviceTypes;
    this.actions = actions;
  }

  Outcome answer(Talk t) {
    var out = new Outcome(t);
    if (t.replyId() == null && t.reading().has(Intent.PERSON)) {
      return person(t, out, "The patient asked for a person.");
    }
    return switch (t.step().stage()) {
      case START -> start(t, out);
      case LANGUAGE -> language(t, out);
      case WHO -> who(t, out);
      case NAME -> name(t, out);
      case MENU -> menu(t, out);
      case DOCTOR -> doctor(t, out);
      case SERVICE -> service(t, out);
      case DAY -> day(t, out);
      case TIME -> time(t, out);
      case CONFIRM -> confirm(t, out);
      case APPOINTMENT -> appointment(t, out);
    };
  }

  /** The menu again, as after a person hands the conversation back. */
  Outcome greet(Talk t) {
    var out = new Outcome(t);
    var step = afterwards(t.step().with("lang", t.language()));
    if (step.get("patient") == null && patientOf(t) != null) {
      step = step.with("patient", patientOf(t));
    }
    return menu(t.at(step), out.then(step), true);
  }

  // -- who and in which language

  private Outcome start(Talk t, Outcome out) {
    var step = t.step();
    var intent = intentOf(t);
    if (intent != null) {
      step = step.with("intent", intent.name());
    }
    if (t.reading().date() != null) {
      step = step.with("date", t.reading().date().toString());
    }
    if (t.reading().time() != null) {
      step = step.with("time", t.reading().time().toString());
    }
    if (t.reading().dayPart() != null) {
      // "mañana por la tarde": kept for the times list, which may come a few questions later
      step = step.with("part", t.reading().dayPart().name());
    }
    var language = step.get("lang");
    if (language == null && t.reading().language() != null) {
      language =
          LANGUAGES.containsKey(t.reading().language().getLanguage())
              ? t.reading().language().getLanguage()
              : null;
    }
    if (language == null) {
      out.say(
          Reply.choice(
              t.say("language"),
              List.of(
                  new Option("lang:en", "English"),
                  new Option("lang:es", "Español"),
                  new Option("lang:ar", "العربية")),
              "Language",
              "1 / 2 / 3"));
      return out.then(step.waiting(Stage.LANGUAGE, List.of("lang:en", "lang:es", "lang:ar")));
    }
    return identify(inLanguage(t.at(step.with("lang", language)), out), out);
  }

  private Outcome language(Talk t, Outcome out) {
    var chosen = t.chosen();
    String language = chosen == null ? null : chosen.substring("lang:".length());
    if (language == null && t.reading().language() != null) {
      language = t.reading().language().getLanguage();
    }
    if (language == null || !LANGUAGES.containsKey(language)) {
      return missed(t, out);
    }
    return identify(inLanguage(t.at(t.step().with("lang", language)), out), out);
  }

  private Talk inLanguage(Talk t, Outcome out) {
    var locale = LANGUAGES.get(t.step().get("lang"));
    out.locale = locale;
    return t.in(locale);
  }

  private Outcome identify(Talk t, Outcome out) {
    var step = t.step();
    if (step.get("patient") != null || step.get("name") != null) {
      return known(t, out);
    }
    // asked afresh in each session (not taken from the conversation): on a phone a family shares,
    // the last one who booked need not be the one writing now
    var family = onThisPhone(t);
    if (family.size() == 1) {
      return known(t.at(step.with("patient", family.getFirst().id().value().toString())), out);
    }
    if (family.isEmpty()) {
      out.say(t.say("name"));
      return out.then(step.waiting(Stage.NAME, List.of()));
    }
    var options = new ArrayList<Option>();
    for (var person : family.subList(0, Math.min(family.size(), Reply.MAX_ROWS - 1))) {
      options.add(new Option("who:" + person.id().value(), person.fullName()));
    }
    options.add(new Option("who:new", t.label("someone.else")));
    out.say(t.choice(t.say("who"), options));
    return out.then(step.offering(Stage.WHO, options));
  }

  private Outcome who(Talk t, Outcome out) {
    var chosen = t.chosen();
    if (chosen == null) {
      return missed(t, out);
    }
    if (chosen.equals("who:new")) {
      out.say(t.say("name"));
      return out.then(t.step().waiting(Stage.NAME, List.of()));
    }
    return known(t.at(t.step().with("patient", chosen.substring("who:".length()))), out);
  }

  private Outcome name(Talk t, Outcome out) {
    var name = t.text().strip().replaceAll("\\s+", " ");
    if (t.replyId() != null
        || name.length() < 3
        || name.length() > 120
        || !name.matches("[\\p{L}\\p{M} .'\\-]+")
        || !name.contains(" ")) {
      return missed(t, out);
    }
    return known(t.at(t.step().with("name", name)), out);
  }

  /** The patient is known (or named): on to what they asked for, else the menu. */
  private Outcome known(Talk t, Outcome out) {
    var patient = t.step().get("patient");
    if (patient != null) {
      out.patient = new PatientId(UUID.fromString(patient));
    }
    var intent = t.step().get("intent");
    var step = t.step().with("intent", null);
    var next = t.at(step);
    out.then(step);
    if (intent == null) {
      return menu(next, out, true);
    }
    return switch (Intent.valueOf(intent)) {
      case BOOK -> startBooking(next, out);
      case CANCEL, MOVE, CONFIRM, WHEN -> appointmentAsked(next, out, Intent.valueOf(intent));
      case WHERE -> menu(next, out.say(where(next)), false);
      default -> menu(next, out, true);
    };
  }

  // -- the menu

  private Outcome menu(Talk t, Outcome out, boolean greet) {
    var text =
        greet
            ? t.say("greeting", t.clinic().name(), firstName(t)) + "\n" + t.say("menu")
            : t.say("menu");
    var options =
        List.of(
            new Option("menu:book", t.label("book")),
            new Option("menu:appointment", t.label("appointment")),
            new Option("menu:where", t.label("where")),
            new Option("menu:person", t.label("person")));
    out.say(t.choice(text, options));
    return out.then(t.step().offering(Stage.MENU, options));
  }

  private Outcome menu(Talk t, Outcome out) {
    var chosen = t.chosen();
    if (chosen != null) {
      return switch (chosen) {
        case "menu:book" -> startBooking(t, out);
        case "menu:appointment" -> appointmentAsked(t, out, Intent.WHEN);
        case "menu:where" -> menu(t, out.say(where(t)), false);
        default -> person(t, out, "The patient asked for a person.");
      };
    }
    var intent = intentOf(t);
    if (intent == null) {
      return t.reading().has(Intent.GREETING) || t.reading().has(Intent.HELP)
          ? menu(t, out, true)
          : missed(t, out);
    }
    return switch (intent) {
      case BOOK -> startBooking(t, out);
      case WHERE -> menu(t, out.say(where(t)), false);
      default -> appointmentAsked(t, out, intent);
    };
  }

  // -- booking: doctor, service, day, time, confirmation

  private Outcome startBooking(Talk t, Outcome out) {
    var step = t.step().with("moving", null);
    var doctors = scheduling.doctors();
    if (doctors.isEmpty()) {
      return person(t, out, "The clinic has no doctor to book with.");
    }
    if (doctors.size() == 1) {
      return chooseService(t.at(step.with("doctor", doctors.getFirst().userId().toString())), out);
    }
    var options =
        doctors.stream()
            .limit(Reply.MAX_ROWS)
            .map(d -> new Option("doc:" + d.userId(), d.name()))
            .toList();
    out.say(t.choice(t.say("doctor"), options));
    return out.then(step.offering(Stage.DOCTOR, options));
  }

  private Outcome doctor(Talk t, Outcome out) {
    var chosen = t.chosen();
    if (chosen == null) {
      return missed(t, out);
    }
    return chooseService(t.at(t.step().with("doctor", chosen.substring("doc:".length()))), out);
  }

  private Outcome chooseService(Talk t, Outcome out) {
    var offered =
        serviceTypes.offered().stream()
            .map(BookingRules::serviceType)
            .filter(name -> !name.isEmpty())
            .limit(Reply.MAX_ROWS)
            .toList();
    if (offered.size() <= 1) {
      return days(t.at(t.step().with("service", offered.isEmpty() ? "" : offered.getFirst())), out);
    }
    var options = offered.stream().map(name -> new Option("svc:" + name, name)).toList();
    out.say(t.choice(t.say("service"), options));
    return out.then(t.step().offering(Stage.SERVICE, options));
  }

  private Outcome service(Talk t, Outcome out) {
    var chosen = t.chosen();
    if (chosen == null) {
      return missed(t, out);
    }
    return days(t.at(t.step().with("service", chosen.substring("svc:".length()))), out);
  }

  /** The days with free times, or straight to a day the patient already named. */
  private Outcome days(Talk t, Outcome out) {
    var named = t.step().get("date");
    if (named != null) {
      return times(t.at(t.step().with("date", null)), out, LocalDate.parse(named));
    }
    var today = t.now().toLocalDate();
    var free =
        slots(t, today, today.plusDays(DAYS_AHEAD - 1)).stream()
            .map(slot -> local(t, slot.startsAt()).toLocalDate())
            .distinct()
            .limit(Reply.MAX_ROWS)
            .toList();
    if (free.isEmpty()) {
      return person(t, out, "No free times in the next two weeks.");
    }
    var format = DateTimeFormatter.ofPattern("EEEE d MMMM", t.locale());
    var options = free.stream().map(d -> new Option("day:" + d, format.format(d))).toList();
    out.say(t.choice(t.say("day"), options));
    return out.then(t.step().offering(Stage.DAY, options));
  }

  private Outcome day(Talk t, Outcome out) {
    var chosen = t.chosen();
    if (chosen != null) {
      return times(t, out, LocalDate.parse(chosen.substring("day:".length())));
    }
    if (t.reading().date() != null) {
      return times(t, out, t.reading().date());
    }
    return missed(t, out);
  }

  /** The free times of a day, at most ten; a time the patient named goes straight to confirm. */
  private Outcome times(Talk t, Outcome out, LocalDate day) {
    var free = slots(t, day, day);
    var named = t.reading().time() != null ? t.reading().time().toString() : t.step().get("time");
    var step = t.step().with("time", null).with("day", day.toString());
    if (named != null) {
      var exact =
          free.stream()
              .filter(s -> local(t, s.startsAt()).toLocalTime().toString().equals(named))
              .findFirst();
      if (exact.isPresent()) {
        return confirmAsk(t.at(step), out, exact.get().startsAt());
      }
    }
    var dayText = DateTimeFormatter.ofPattern("EEEE d MMMM", t.locale()).format(day);
    if (free.isEmpty()) {
      out.say(t.say("time.none", dayText));
      return days(t.at(step.with("date", null)), out);
    }
    var part =
        t.reading().dayPart() != null
            ? t.reading().dayPart()
            : t.step().get("part") != null ? DayPart.valueOf(t.step().get("part")) : null;
    if (part != null) {
      var inPart =
          free.stream()
              .filter(s -> partOf(local(t, s.startsAt()).getHour()) == part.ordinal())
              .toList();
      if (!inPart.isEmpty()) {
        free = inPart;
      }
    }
    var shown = spread(free, Reply.MAX_ROWS);
    var clock = DateTimeFormatter.ofPattern("HH:mm", t.locale());
    var options =
        shown.stream()
            .map(s -> new Option("time:" + s.startsAt(), clock.format(local(t, s.startsAt()))))
            .toList();
    out.say(t.choice(t.say("time", dayText), options));
    return out.then(step.offering(Stage.TIME, options));
  }

  private Outcome time(Talk t, Outcome out) {
    var chosen = t.chosen();
    if (chosen != null) {
      return confirmAsk(t, out, Instant.parse(chosen.substring("time:".length())));
    }
    var reading = t.reading();
    if (reading.date() != null || reading.time() != null || reading.dayPart() != null) {
      var day = reading.date() != null ? reading.date() : LocalDate.parse(t.step().get("day"));
      return times(t, out, day);
    }
    return missed(t, out);
  }

  private Outcome confirmAsk(Talk t, Outcome out, Instant start) {
    var step = t.step().with("start", start.toString());
    var text = t.say("confirm", when(t, start), doctorName(t, step.get("doctor")), patientName(t));
    out.say(
        t.choice(
            text, List.of(new Option("yes", t.label("yes")), new Option("no", t.label("no")))));
    return out.then(step.waiting(Stage.CONFIRM, List.of("yes", "no")));
  }

  private Outcome confirm(Talk t, Outcome out) {
    var chosen = t.chosen();
    var yes = chosen != null ? Boolean.valueOf(chosen.equals("yes")) : t.reading().yes();
    if (yes == null) {
      return missed(t, out);
    }
    if (!yes) {
      return days(t.at(t.step().with("start", null)), out);
    }
    var step = t.step();
    var start = Instant.parse(step.get("start"));
    var moving = step.get("moving");
    var done =
        moving != null
            ? actions.move(UUID.fromString(moving), start)
            : actions.book(
                new NewAppointment(
                    UserId.of(step.get("doctor")),
                    start,
                    step.get("service") == null ? "" : step.get("service"),
                    step.get("patient") == null ? null : UUID.fromString(step.get("patient")),
                    step.get("patient") == null
                        ? new NewPatient(step.get("name"), t.conversation().phone(), null, null)
                        : null,
                    "PATIENT"),
                t.language());
    if (!done.ok()) {
      out.say(t.say("refused", refusal(t, done.refusal())));
      return times(t.at(step.with("start", null)), out, LocalDate.parse(step.get("day")));
    }
    var appointment = done.appointment();
    var patient = appointment.patientId().toString();
    out.patient = new PatientId(appointment.patientId());
    var doctor = doctorName(t, appointment.doctorId().toString());
    var after = t.at(step.with("patient", patient).with("name", null));
    out.say(
        moving != null
            ? t.say("moved", when(t, start), doctor)
            : t.say("booked", patientName(after), doctor, when(t, start)));
    return out.then(afterwards(after.step()));
  }

  // -- a booked appointment: when, confirm, move, cancel

  private Outcome appointmentAsked(Talk t, Outcome out, Intent intent) {
    var next = upcoming(t);
    if (next == null) {
      out.say(t.say("appointment.none"));
      return menu(t, out, false);
    }
    var step = t.step().with("appointment", next.id().toString());
    var talk = t.at(step);
    return switch (intent) {
      case CONFIRM -> confirmAppointment(talk, out, next);
      case MOVE -> moveAppointment(talk, out, next);
      default -> showAppointment(talk, out, next);
    };
  }

  private Outcome showAppointment(Talk t, Outcome out, Appointment appointment) {
    var name = patients.get(new PatientId(appointment.patientId())).fullName();
    var text =
        t.say(
            "appointment",
            name,
            doctorName(t, appointment.doctorId().toString()),
            when(t, appointment.startsAt()));
    var options =
        List.of(
            new Option("appt:confirm", t.label("confirm")),
            new Option("appt:move", t.label("move")),
            new Option("appt:cancel", t.label("cancel")));
    out.say(t.choice(text, options));
    return out.then(t.step().offering(Stage.APPOINTMENT, options));
  }

  private Outcome appointment(Talk t, Outcome out) {
    var chosen = t.chosen();
    var id = UUID.fromString(t.step().get("appointment"));
    var appointment = scheduling.get(id);
    if (chosen == null) {
      var intent = intentOf(t);
      chosen =
          intent == Intent.CONFIRM || Boolean.TRUE.equals(t.reading().yes())
              ? "appt:confirm"
              : intent == Intent.CANCEL
                  ? "appt:cancel"
                  : intent == Intent.MOVE ? "appt:move" : null;
    }
    if (chosen == null) {
      return missed(t, out);
    }
    return switch (chosen) {
      case "appt:confirm" -> confirmAppointment(t, out, appointment);
      case "appt:move" -> moveAppointment(t, out, appointment);
      default -> cancelAppointment(t, out, appointment);
    };
  }

  private Outcome confirmAppointment(Talk t, Outcome out, Appointment appointment) {
    var done = actions.confirm(appointment.id());
    if (!done.ok()) {
      return person(
          t, out, "The appointment could not be confirmed: " + done.refusal().getMessage());
    }
    out.say(t.say("confirmed", when(t, appointment.startsAt())));
    return out.then(afterwards(t.step()));
  }

  private Outcome cancelAppointment(Talk t, Outcome out, Appointment appointment) {
    var done = actions.cancel(appointment.id(), "Canceled by the patient in a conversation");
    if (!done.ok()) {
      return person(
          t, out, "The appointment could not be canceled: " + done.refusal().getMessage());
    }
    out.say(t.say("canceled", when(t, appointment.startsAt())));
    return out.then(afterwards(t.step()));
  }

  private Outcome moveAppointment(Talk t, Outcome out, Appointment appointment) {
    out.say(t.say("move", when(t, appointment.startsAt())));
    var step =
        t.step()
            .with("moving", appointment.id().toString())
            .with("doctor", appointment.doctorId().toString())
            .with("service", appointment.serviceType())
            .with("patient", appointment.patientId().toString());
    return days(t.at(step), out);
  }

  // -- helpers

  /** After a booking or an answer: back to the start, the language and who the patient is kept. */
  private static Step afterwards(Step step) {
    var kept = new java.util.HashMap<String, String>();
    for (var key : List.of("lang", "patient", "name")) {
      if (step.get(key) != null) {
        kept.put(key, step.get(key));
      }
    }
    return new Step(Stage.START, kept, List.of(), 0);
  }

  /** Another answer not understood: say so once; the second in a row asks for a person. */
  private Outcome missed(Talk t, Outcome out) {
    var step = t.step().missed();
    if (step.misses() >= 2) {
      return person(t, out.then(step), "The bot did not understand the patient twice in a row.");
    }
    out.say(t.say("not.understood"));
    return out.then(step);
  }

  private Outcome person(Talk t, Outcome out, String reason) {
    return out.then(afterwards(t.step().with("lang", t.language()))).person(reason);
  }

  private String where(Talk t) {
    var clinic = t.clinic();
    var address = clinic.address() == null ? clinic.name() : clinic.address();
    var map =
        "https://www.google.com/maps/search/?api=1&query="
            + URLEncoder.encode(clinic.name() + ", " + address, StandardCharsets.UTF_8);
    return t.say("where", clinic.name(), address, map);
  }

  private @Nullable Intent intentOf(Talk t) {
    for (var intent :
        List.of(
            Intent.CANCEL, Intent.MOVE, Intent.CONFIRM, Intent.WHEN, Intent.WHERE, Intent.BOOK)) {
      if (t.reading().has(intent)) {
        return intent;
      }
    }
    return null;
  }

  private List<Patient> onThisPhone(Talk t) {
    return patients.sharingPhone(t.conversation().phone()).stream()
        .filter(p -> !p.voidedRecord())
        .sorted(Comparator.comparing(Patient::fullName))
        .toList();
  }

  /** The soonest booked appointment of the patient, or of anyone on this phone. */
  private @Nullable Appointment upcoming(Talk t) {
    var patient = t.step().get("patient");
    var ids =
        patient != null
            ? Set.of(UUID.fromString(patient))
            : onThisPhone(t).stream().map(p -> p.id().value()).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return null;
    }
    var now = t.now().toInstant();
    return scheduling.between(null, now, now.plus(APPOINTMENTS_AHEAD)).stream()
        .filter(a -> ids.contains(a.patientId()) && a.status() == AppointmentStatus.BOOKED)
        .min(Comparator.comparing(Appointment::startsAt))
        .orElse(null);
  }

  private List<Slot> slots(Talk t, LocalDate from, LocalDate to) {
    var now = t.now().toInstant();
    return scheduling
        .availability(
            UserId.of(t.step().get("doctor")),
            t.step().get("service") == null ? "" : t.step().get("service"),
            from,
            to)
        .stream()
        .filter(s -> s.seatsLeft() > 0 && s.startsAt().isAfter(now))
        .toList();
  }

  private static java.time.ZonedDateTime local(Talk t, Instant at) {
    return at.atZone(t.clinic().timezone());
  }

  /** MORNING before noon, AFTERNOON until 17:00, EVENING after (DayPart's order). */
  private static int partOf(int hour) {
    return hour < 12 ? 0 : hour < 17 ? 1 : 2;
  }

  /** At most {@code max} slots, spread over the day rather than the first ones only. */
  static List<Slot> spread(List<Slot> slots, int max) {
    if (slots.size() <= max) {
      return slots;
    }
    var picked = new ArrayList<Slot>();
    for (int i = 0; i < max; i++) {
      picked.add(slots.get(i * (slots.size() - 1) / (max - 1)));
    }
    return picked;
  }

  private static String when(Talk t, Instant at) {
    var pattern = t.language().equals("ar") ? "EEEE d MMMM، HH:mm" : "EEEE d MMMM, HH:mm";
    return DateTimeFormatter.ofPattern(pattern, t.locale()).format(local(t, at));
  }

  private String doctorName(Talk t, @Nullable String doctor) {
    return scheduling.doctors().stream()
        .filter(d -> d.userId().toString().equals(doctor))
        .map(d -> d.name())
        .findFirst()
        .orElse("");
  }

  private String patientName(Talk t) {
    var patient = t.step().get("patient");
    if (patient != null) {
      return patients.get(new PatientId(UUID.fromString(patient))).fullName();
    }
    var name = t.step().get("name");
    return name == null ? "" : name;
  }

  private @Nullable String patientOf(Talk t) {
    return t.conversation().patientId() == null
        ? null
        : t.conversation().patientId().value().toString();
  }

  /** The patient's first name after a space ("Hello{1}!"), or nothing when unknown. */
  private String firstName(Talk t) {
    var patient = t.step().get("patient");
    if (patient == null) {
      return "";
    }
    var name = patients.get(new PatientId(UUID.fromString(patient))).fullName().strip();
    var space = name.indexOf(' ');
    return " " + (space < 0 ? name : name.substring(0, space));
  }

  private String refusal(Talk t, @Nullable ProblemException refused) {
    var policy = refused == null ? null : refused.properties().get("policy");
    var key = policy != null && POLICIES.contains(policy.toString()) ? policy.toString() : "other";
    return t.label("policy." + key);
  }
}
