package io.carebook.conversations.inbox.demo;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' inboxes at first start (invented): at Nile Dokki one conversation waiting for a
 * person (Arabic), one a receptionist carries (English) and one the assistant finished (a booking);
 * at Sol Roma one waiting (Spanish). Written as rows, so nothing is sent; after the conversations
 * module's own demo (one unknown phone waiting per clinic), and skipped where a conversation with a
 * known patient exists already.
 */
@Component
@ConditionalOnDemo
@Order(800)
class DemoInbox implements DemoDataLoader {

  private final TenantTransactions tenants;
  private final PatientDirectory patients;
  private final Staff staff;
  private final JdbcClient jdbc;

  DemoInbox(TenantTransactions tenants, PatientDirectory patients, Staff staff, JdbcClient jdbc) {
    this.tenants = tenants;
    this.patients = patients;
    this.staff = staff;
    this.jdbc = jdbc;
  }

  /** A line of an invented transcript: who, minutes before now, what. */
  record Said(
      String direction, String author, int minutesAgo, String body, @Nullable String event) {

    static Said patient(int minutesAgo, String body) {
      return new Said("IN", "PATIENT", minutesAgo, body, null);
    }

    static Said bot(int minutesAgo, String body) {
      return new Said("OUT", "BOT", minutesAgo, body, null);
    }

    static Said person(int minutesAgo, String body) {
      return new Said("OUT", "PERSON", minutesAgo, body, null);
    }

    static Said note(int minutesAgo, String event, String actor, String body) {
      return new Said("OUT", "SYSTEM", minutesAgo, body, event + ":" + actor);
    }
  }

  @Override
  public void load() {
    tenants.inClinic(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, this::nile);
    tenants.inClinic(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, this::sol);
  }

  private void nile() {
    var people = people(DemoOrganization.NILE_DOKKI, 3);
    if (people.size() < 3) {
      return;
    }
    var now = Instant.now();
    var reception = receptionist();
    conversation(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        people.get(0),
        "ar",
        "WAITING",
        null,
        now,
        List.of(
            Said.patient(26, "السلام عليكم، هل الدكتورة موجودة يوم السبت بعد العصر؟"),
            Said.bot(
                26,
                "أهلًا بك في عيادة النيل. اختر من القائمة: حجز موعد، موعدي، أين العيادة، التحدث مع شخص."),
            Said.patient(24, "أريد أن أسأل عن تحليل قبل الموعد، ممكن أكلم أحدًا؟"),
            Said.note(24, "PERSON_ASKED", "BOT", "The patient asked for a person"),
            Said.bot(24, "سيرد عليك أحد موظفي العيادة قريبًا.")));
    conversation(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        people.get(1),
        "en",
        "PERSON",
        reception,
        now,
        List.of(
            Said.patient(55, "Hello, can my son come to my appointment on Thursday too?"),
            Said.bot(55, "I did not understand. Choose from the menu, or write 'person'."),
            Said.patient(54, "person"),
            Said.note(54, "PERSON_ASKED", "BOT", "The patient asked for a person"),
            Said.bot(54, "A person from the clinic will answer you shortly."),
            Said.note(40, "TAKEN_OVER", "PERSON", "Taken over by a person"),
            Said.person(39, "Of course. Shall I book him right after you, at 11:00?"),
            Said.patient(12, "Yes please, his name is Omar.")));
    conversation(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        people.get(2),
        "ar",
        "BOT",
        null,
        now,
        List.of(
            Said.patient(300, "عايز أحجز كشف بكرة الساعة ٥"),
            Said.bot(300, "مع أي طبيب؟"),
            Said.patient(299, "١"),
            Said.bot(299, "أقرب موعد متاح غدًا الساعة ١٧:٠٠. هل أؤكد الحجز؟"),
            Said.patient(298, "نعم"),
            Said.bot(298, "تم الحجز. سنرسل لك تذكيرًا قبل الموعد.")));
  }

  private void sol() {
    var people = people(DemoOrganization.SOL_ROMA, 1);
    if (people.isEmpty()) {
      return;
    }
    conversation(
        DemoOrganization.SOL,
        DemoOrganization.SOL_ROMA,
        people.get(0),
        "es",
        "WAITING",
        null,
        Instant.now(),
        List.of(
            Said.patient(8, "Hola, ¿tienen hora mañana a las 5 para una revisión de mi hija?"),
            Said.bot(8, "Mañana a las 17:00 no hay horas libres. ¿Le ofrezco otro día?"),
            Said.patient(7, "No, prefiero hablar con alguien"),
            Said.note(7, "PERSON_ASKED", "BOT", "The patient asked for a person"),
            Said.bot(7, "Una persona de la clínica le responderá en breve.")));
  }

  /**
   * Patients with a phone, none yet in a conversation of the clinic (else none: loaded before),
   * from the end of the first page.
   */
  private List<Patient> people(ClinicId clinic, int count) {
    var existing =
        jdbc.sql(
                "select count(*) from conversations where clinic_id = ? and patient_id is not null")
            .param(clinic.value())
            .query(Long.class)
            .single();
    if (existing > 0) {
      return List.of();
    }
    // from the end of the list: the phone simulator offers the first patients' phones, whose
    // messages should reach the assistant, not a conversation already waiting for a person
    return patients.search("", 30, null).items().reversed().stream()
        .filter(p -> p.phone() != null && !p.voidedRecord() && !talking(clinic, p))
        .filter(distinctPhones())
        .limit(count)
        .toList();
  }

  private boolean talking(ClinicId clinic, Patient patient) {
    return jdbc.sql("select count(*) from conversations where clinic_id = ? and phone = ?")
            .param(clinic.value())
            .param(patient.phone().e164())
            .query(Long.class)
            .single()
        > 0;
  }

  private static java.util.function.Predicate<Patient> distinctPhones() {
    var seen = new java.util.HashSet<String>();
    return p -> seen.add(p.phone().e164());
  }

  private @Nullable UUID receptionist() {
    return staff.members().stream()
        .filter(m -> m.roles().contains(Role.RECEPTIONIST))
        .map(m -> m.userId().value())
        .findFirst()
        .orElse(null);
  }

  private void conversation(
      TenantId tenant,
      ClinicId clinic,
      Patient patient,
      String locale,
      String state,
      @Nullable UUID assignedTo,
      Instant now,
      List<Said> transcript) {
    var id = UUID.randomUUID();
    var first = now.minus(Duration.ofMinutes(transcript.getFirst().minutesAgo()));
    var lastIn =
        transcript.stream()
            .filter(s -> s.direction().equals("IN"))
            .mapToInt(Said::minutesAgo)
            .min()
            .orElse(0);
    jdbc.sql(
            """
            insert into conversations (tenant_id, id, clinic_id, channel, phone, patient_id, locale,
              state, assigned_to, last_inbound_at, created_at, updated_at)
            values (?, ?, ?, 'WHATSAPP', ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            tenant.value(),
            id,
            clinic.value(),
            patient.phone().e164(),
            patient.id().value(),
            locale,
            state,
            assignedTo,
            Timestamp.from(now.minus(Duration.ofMinutes(lastIn))),
            Timestamp.from(first),
            Timestamp.from(now.minus(Duration.ofMinutes(transcript.getLast().minutesAgo()))))
        .update();
    var order = 0;
    for (var said : transcript) {
      var event = said.event() == null ? null : said.event().split(":");
      var author =
          said.author().equals("SYSTEM") || said.author().equals("PERSON") ? assignedTo : null;
      jdbc.sql(
              """
              insert into conversation_messages (tenant_id, id, conversation_id, direction, author,
                author_id, body, payload, created_at)
              values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
          .params(
              tenant.value(),
              UUID.randomUUID(),
              id,
              said.direction(),
              said.author(),
              event != null && event[1].equals("BOT") ? null : author,
              said.body(),
              event == null
                  ? null
                  : "{\"event\": \"" + event[0] + "\", \"actor\": \"" + event[1] + "\"}",
              // seconds apart within a minute keep the lines in their order
              Timestamp.from(now.minus(Duration.ofMinutes(said.minutesAgo())).plusSeconds(order++)))
          .update();
    }
  }
}
