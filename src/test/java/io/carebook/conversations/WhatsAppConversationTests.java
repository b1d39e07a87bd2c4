package io.carebook.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.TestOrganizations;
import io.carebook.notifications.FakeProviders;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Whole conversations on WhatsApp, in English, Spanish and Arabic, against a fake Cloud API that
 * receives the real payload shapes (text, interactive lists and reply buttons) and answers like
 * Meta; the patient's side arrives at the app-level webhook signed, as list replies, button
 * replies, text and statuses. Every booking lands on the calendar through the one booking path.
 */
class WhatsAppConversationTests extends FakeProviders {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired TenantTransactions tenants;
  @Autowired Conversations conversations;
  @Autowired ConversationSettingsReader settings;
  @LocalServerPort int port;
  ConversationClinic clinic;

  @BeforeEach
  void openClinic() {
    clinic = new ConversationClinic(organizations, port, environment, PROVIDERS, Plan.GROWTH);
  }

  @Test
  void inEnglishAKnownPatientBooksConfirmsMovesAndCancels() {
    var phone = clinic.phone();
    var patient = clinic.register("Grace Hopper", phone);

    var menu = phone.menuIn(phone.awaitOrSend("Hello"), "en", "menu:");
    assertThat(menu.path("interactive").path("body").path("text").asString()).contains("Grace");
    assertThat(menu.path("recipient_type").asString()).isEqualTo("individual");
    assertThat(menu.path("type").asString()).isEqualTo("interactive");
    assertThat(menu.path("interactive").path("type").asString()).isEqualTo("list");
    phone.tap(menu, "menu:book");
    var days = phone.awaitOption("day:");
    assertThat(WhatsAppPhone.options(days)).hasSizeLessThanOrEqualTo(10);
    phone.tap(days, "day:", 1);
    var times = phone.awaitOption("time:");
    assertThat(WhatsAppPhone.options(times)).hasSizeBetween(1, 10);
    phone.tap(times, "time:");
    var confirm = phone.awaitOption("yes");
    assertThat(confirm.path("interactive").path("type").asString()).isEqualTo("button");
    phone.tap(confirm, "yes");
    phone.awaitText("Done");
    var booked = clinic.appointments(patient);
    assertThat(booked).hasSize(1);
    assertThat(booked.getFirst().get("status")).isEqualTo("BOOKED");
    assertThat(booked.getFirst().get("source")).isEqualTo("PATIENT");

    // Meta reports the answer delivered: the outbox follows
    var sent =
        clinic
            .database
            .sql(
                "select provider_message_id from outbox_messages where tenant_id = ?"
                    + " and kind = 'CONVERSATION' and provider_message_id is not null"
                    + " order by created_at desc limit 1")
            .param(clinic.owner.tenant().value())
            .query(String.class)
            .single();
    phone.status(sent, "delivered");
    assertThat(
            clinic
                .database
                .sql("select status from outbox_messages where provider_message_id = ?")
                .param(sent)
                .query(String.class)
                .single())
        .isEqualTo("DELIVERED");

    phone.text("hi");
    phone.tap(phone.awaitOption("menu:"), "menu:appointment");
    phone.tap(phone.awaitOption("appt:"), "appt:confirm");
    phone.awaitText("confirmed");
    assertThat(clinic.appointments(patient).getFirst().get("confirmed")).isEqualTo(true);

    var before = clinic.appointments(patient).getFirst().get("starts_at");
    phone.text("hi");
    phone.tap(phone.awaitOption("menu:"), "menu:appointment");
    phone.tap(phone.awaitOption("appt:"), "appt:move");
    phone.tap(phone.awaitOption("day:"), "day:", 2);
    phone.tap(phone.awaitOption("time:"), "time:");
    phone.tap(phone.awaitOption("yes"), "yes");
    phone.awaitText("moved");
    var moved = clinic.appointments(patient);
    assertThat(moved).hasSize(1);
    assertThat(moved.getFirst().get("starts_at")).isNotEqualTo(before);

    phone.text("hi");
    phone.tap(phone.awaitOption("menu:"), "menu:appointment");
    phone.tap(phone.awaitOption("appt:"), "appt:cancel");
    phone.awaitText("canceled");
    assertThat(clinic.appointments(patient).getFirst().get("status")).isEqualTo("CANCELLED");
  }

  @Test
  void inSpanishANewNumberAsksForAPersonComesBackToTheBotAndBooks() {
    var phone = clinic.phone();
    var first = phone.awaitOrSend("Hola");
    if (WhatsAppPhone.options(first).stream()
        .anyMatch(o -> o.path("id").asString().startsWith("lang:"))) {
      phone.tap(first, "lang:es");
      phone.awaitText("nombre completo");
    } else {
      assertThat(first.path("text").path("body").asString()).contains("nombre completo");
    }
    phone.text("María López");
    var menu = phone.awaitOption("menu:");
    assertThat(menu.path("interactive").path("body").path("text").asString()).contains("Hola");
    phone.tap(menu, "menu:person");
    phone.awaitText("Una persona");
    assertThat(clinic.state(phone)).isEqualTo("WAITING");

    var waiting = phone.count();
    phone.text("¿Siguen ahí?");
    WhatsAppPhone.sleep(3000);
    assertThat(phone.count())
        .as("the bot stays silent while a person is asked for")
        .isEqualTo(waiting);

    var id = new ConversationId(clinic.conversation(phone));
    var staff = UserId.of(clinic.doctor);
    tenants.inClinic(
        clinic.owner.tenant(), clinic.owner.clinic(), () -> conversations.takeOver(id, staff));
    assertThat(clinic.state(phone)).isEqualTo("PERSON");
    tenants.inClinic(
        clinic.owner.tenant(),
        clinic.owner.clinic(),
        () ->
            conversations.send(
                id, "Hola María, soy Lucía de recepción.", Author.PERSON, staff.value()));
    phone.awaitText("soy Lucía");
    tenants.inClinic(
        clinic.owner.tenant(), clinic.owner.clinic(), () -> conversations.handBack(id, staff));
    assertThat(clinic.state(phone)).isEqualTo("BOT");

    var again = phone.awaitOption("menu:");
    phone.tap(again, "menu:book");
    phone.tap(phone.awaitOption("day:"), "day:");
    phone.tap(phone.awaitOption("time:"), "time:");
    phone.tap(phone.awaitOption("yes"), "yes");
    phone.awaitText("Listo");
    var registered = clinic.patientsNamed("María López");
    assertThat(registered).hasSize(1);
    assertThat(clinic.appointments(registered.getFirst())).hasSize(1);

    var transcript =
        tenants.inClinic(
            clinic.owner.tenant(), clinic.owner.clinic(), () -> conversations.transcript(id));
    assertThat(transcript)
        .extracting(ConversationMessage::author)
        .contains(Author.PATIENT, Author.BOT, Author.PERSON, Author.SYSTEM);
    assertThat(transcript)
        .filteredOn(m -> m.author() == Author.SYSTEM)
        .extracting(ConversationMessage::payload)
        .anyMatch(p -> p.contains("TAKEN_OVER"))
        .anyMatch(p -> p.contains("HANDED_BACK"))
        .anyMatch(p -> p.contains("PERSON_ASKED"));
  }

  @Test
  void inArabicAFamilySharingOnePhoneBooksForTheRightPerson() {
    var phone = clinic.phone();
    var father = clinic.register("أحمد علي", phone);
    var daughter = clinic.register("ليلى علي", phone);

    var first = phone.awaitOrSend("مرحبا");
    if (WhatsAppPhone.options(first).stream()
        .anyMatch(o -> o.path("id").asString().startsWith("lang:"))) {
      phone.tap(first, "lang:ar");
      first = phone.awaitOption("who:");
    }
    assertThat(WhatsAppPhone.options(first))
        .extracting(o -> o.path("title").asString())
        .contains("أحمد علي", "ليلى علي");
    phone.tap(first, "who:" + daughter);
    var menu = phone.awaitOption("menu:");
    assertThat(menu.path("interactive").path("body").path("text").asString()).contains("ليلى");
    phone.tap(menu, "menu:book");
    phone.tap(phone.awaitOption("day:"), "day:");
    phone.tap(phone.awaitOption("time:"), "time:", 1);
    phone.tap(phone.awaitOption("yes"), "yes");
    phone.awaitText("تم");
    assertThat(clinic.appointments(daughter)).hasSize(1);
    assertThat(clinic.appointments(father)).isEmpty();

    phone.text("مرحبا");
    phone.tap(phone.awaitOption("menu:"), "menu:where");
    phone.awaitText("https://www.google.com/maps/search/?api=1&query=");
  }

  @Test
  void thePartOfTheDayAskedForFirstStillChoosesTheTimesAfterForWhom() {
    var phone = clinic.phone();
    clinic.register("Marta Gil", phone);
    var son = clinic.register("Pablo Gil", phone);

    var first = phone.awaitOrSend("hola, quiero una cita mañana por la tarde");
    if (WhatsAppPhone.options(first).stream()
        .anyMatch(o -> o.path("id").asString().startsWith("lang:"))) {
      phone.tap(first, "lang:es");
      first = phone.awaitOption("who:");
    }
    phone.tap(first, "who:" + son);
    var times = phone.awaitOption("time:");
    assertThat(WhatsAppPhone.options(times))
        .extracting(o -> o.path("title").asString())
        .isNotEmpty()
        .allSatisfy(title -> assertThat(Integer.parseInt(title.substring(0, 2))).isBetween(12, 16));
  }

  @Test
  void aTimeTakenMeanwhileIsExplainedWithTheRuleAndNewTimesAreOffered() {
    var phone = clinic.phone();
    var patient = clinic.register("Late Tapper", phone);
    var menu = phone.menuIn(phone.awaitOrSend("Hello"), "en", "menu:");
    phone.tap(menu, "menu:book");
    phone.tap(phone.awaitOption("day:"), "day:", 1);
    var times = phone.awaitOption("time:");
    var wanted = WhatsAppPhone.options(times).getFirst().path("id").asString().substring(5);
    phone.tap(times, "time:");
    var confirm = phone.awaitOption("yes");
    var taken =
        clinic.desk.post(
            "/api/v1/appointments",
            java.util.Map.of(
                "doctorId",
                clinic.doctor,
                "startsAt",
                wanted,
                "patient",
                java.util.Map.of("fullName", "Faster Patient", "phone", "+201002223344")));
    assertThat(taken.status()).as(taken.body().toString()).isEqualTo(201);
    phone.tap(confirm, "yes");
    // the rule that refused and the new times come as one message, so they arrive in order
    var again = phone.awaitText("someone else has just taken it");
    assertThat(WhatsAppPhone.options(again))
        .extracting(o -> o.path("id").asString())
        .isNotEmpty()
        .allMatch(id -> id.startsWith("time:"))
        .doesNotContain("time:" + wanted);
    assertThat(clinic.appointments(patient)).isEmpty();
  }

  @Test
  void theClinicsOwnWordingIsSpokenAndTurningTheBotOffLeavesMessagesToAPerson() {
    tenants.inClinic(
        clinic.owner.tenant(),
        clinic.owner.clinic(),
        () ->
            settings.save(
                clinic.owner.clinic(),
                true,
                java.util.Map.of("en", java.util.Map.of("menu", "What can we do for you today?"))));
    var phone = clinic.phone();
    clinic.register("Worded Patient", phone);
    var menu = phone.menuIn(phone.awaitOrSend("Hello"), "en", "menu:");
    assertThat(menu.path("interactive").path("body").path("text").asString())
        .contains("What can we do for you today?")
        .doesNotContain("How can I help you?");

    tenants.inClinic(
        clinic.owner.tenant(),
        clinic.owner.clinic(),
        () -> settings.save(clinic.owner.clinic(), false, java.util.Map.of()));
    var other = clinic.phone();
    other.text("Hello");
    var deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline && !"WAITING".equals(stateOrNull(clinic, other))) {
      WhatsAppPhone.sleep(200);
    }
    assertThat(clinic.state(other)).isEqualTo("WAITING");
    WhatsAppPhone.sleep(1500);
    assertThat(other.count()).isZero();
  }

  @Test
  void outsideTheServiceWindowFreeTextIsRefused() {
    var phone = clinic.phone();
    clinic.register("Window Patient", phone);
    phone.awaitOrSend("Hello");
    var id = new ConversationId(clinic.conversation(phone));
    clinic
        .database
        .sql("update conversations set last_inbound_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(25 * 3600)), id.value())
        .update();
    var refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.carebook.shared.ProblemException.class,
            () ->
                tenants.inClinic(
                    clinic.owner.tenant(),
                    clinic.owner.clinic(),
                    () -> conversations.send(id, "Are you still there?", Author.PERSON, null)));
    assertThat(refused.kind()).isEqualTo("outside-service-window");
    assertThat(refused.status().value()).isEqualTo(409);
  }

  @Test
  void withoutWhatsAppBookingInThePlanTheBotDoesNotAnswer() {
    var starter = new ConversationClinic(organizations, port, environment, PROVIDERS, Plan.STARTER);
    var phone = starter.phone();
    phone.text("Hello, I want an appointment");
    var deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline && !"WAITING".equals(stateOrNull(starter, phone))) {
      WhatsAppPhone.sleep(200);
    }
    assertThat(starter.state(phone)).isEqualTo("WAITING");
    WhatsAppPhone.sleep(2000);
    assertThat(phone.count()).isZero();
  }

  private static String stateOrNull(ConversationClinic clinic, WhatsAppPhone phone) {
    return clinic
        .database
        .sql("select state from conversations where tenant_id = ? and phone = ?")
        .params(clinic.owner.tenant().value(), phone.number)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  static UUID uuid(String value) {
    return UUID.fromString(value);
  }
}
