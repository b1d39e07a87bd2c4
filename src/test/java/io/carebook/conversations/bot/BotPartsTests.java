package io.carebook.conversations.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.conversations.bot.Reply.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The bot's parts that need no database: messages' shapes, its place as JSON, masked codes. */
class BotPartsTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void upToThreeOptionsAreReplyButtonsWithinWhatsAppsLimits() {
    var reply =
        Reply.choice(
            "Book Tuesday 10:00?",
            List.of(new Option("yes", "Yes"), new Option("no", "No, another time at all please")),
            "Choose",
            "Reply with a number.");
    var interactive = JSON.readTree(reply.interactive());
    assertThat(interactive.path("type").asString()).isEqualTo("button");
    var buttons = interactive.path("action").path("buttons");
    assertThat(buttons).hasSize(2);
    assertThat(buttons.path(0).path("type").asString()).isEqualTo("reply");
    assertThat(buttons.path(0).path("reply").path("id").asString()).isEqualTo("yes");
    assertThat(buttons.path(1).path("reply").path("title").asString()).hasSizeLessThanOrEqualTo(20);
    assertThat(reply.plain())
        .contains("1. Yes")
        .contains("2. No, another")
        .endsWith("Reply with a number.");
  }

  @Test
  void moreOptionsAreOneListOfAtMostTenRows() {
    var options = new ArrayList<Option>();
    for (int i = 0; i < 14; i++) {
      options.add(new Option("time:" + i, "Wednesday 9 December at " + i + ":00"));
    }
    var reply = Reply.choice("Free times", options, "Choose a time", "Reply with a number.");
    var interactive = JSON.readTree(reply.interactive());
    assertThat(interactive.path("type").asString()).isEqualTo("list");
    assertThat(interactive.path("body").path("text").asString()).isEqualTo("Free times");
    assertThat(interactive.path("action").path("button").asString()).isEqualTo("Choose a time");
    var rows = interactive.path("action").path("sections").path(0).path("rows");
    assertThat(rows).hasSize(10);
    for (var row : rows) {
      assertThat(row.path("title").asString()).hasSizeLessThanOrEqualTo(24);
      assertThat(row.path("description").asString()).hasSizeLessThanOrEqualTo(72);
    }
    assertThat(Reply.text("Hello").interactive()).isNull();
  }

  @Test
  void theBotsPlaceSurvivesAsJson() {
    var step =
        Step.fresh()
            .with("lang", "ar")
            .with("patient", "0b8f7c52-7d0d-4b8e-9c61-0d2b2f1c1a11")
            .waiting(Step.Stage.TIME, List.of("time:1", "time:2"))
            .missed();
    var read = Step.parse(step.json());
    assertThat(read).isEqualTo(step);
    assertThat(Step.parse("{}")).isEqualTo(Step.fresh());
    assertThat(Step.parse("{\"stage\":\"GONE\"}")).isEqualTo(Step.fresh());
    assertThat(read.data())
        .isEqualTo(Map.of("lang", "ar", "patient", "0b8f7c52-7d0d-4b8e-9c61-0d2b2f1c1a11"));
  }

  @Test
  void oneTimeCodesAreMaskedButTimesAndPhonesAreNot() {
    assertThat(OneTimeCodes.masked("My code is 482913")).isEqualTo("My code is ••••");
    assertThat(OneTimeCodes.masked("الكود ٤٨٢٩١٣")).isEqualTo("الكود ••••");
    assertThat(OneTimeCodes.masked("Tomorrow at 10:30 please"))
        .isEqualTo("Tomorrow at 10:30 please");
    assertThat(OneTimeCodes.masked("Call me on +201001234567"))
        .isEqualTo("Call me on +201001234567");
    assertThat(OneTimeCodes.masked("Room 1234")).isEqualTo("Room 1234");
  }

  @Test
  void aTypedTitlePicksTheOfferedOptionOnlyWhenOneFits() {
    var times = List.of("09:00", "10:30", "11:15");
    assertThat(Talk.typedTitle("10:30", times)).isEqualTo(1);
    assertThat(Talk.typedTitle(" ١٠:٣٠ ", times)).isEqualTo(1);
    assertThat(Talk.typedTitle("10.30", times)).isEqualTo(1);
    assertThat(Talk.typedTitle("12:00", times)).isEqualTo(-1);
    var doctors = List.of("Dr. Samir Adel", "Dra. Lucía Ramírez", "Dr. Samir Fathy");
    assertThat(Talk.typedTitle("lucia", doctors)).isEqualTo(1);
    assertThat(Talk.typedTitle("Samir Adel", doctors)).isEqualTo(0);
    assertThat(Talk.typedTitle("Samir", doctors)).as("two Samirs").isEqualTo(-1);
    assertThat(Talk.typedTitle("Dr", doctors)).isEqualTo(-1);
    assertThat(Talk.typedTitle("Sam", doctors)).as("whole words only").isEqualTo(-1);
    assertThat(Talk.typedTitle("I want Lucía tomorrow", doctors))
        .as("a sentence is read, not matched")
        .isEqualTo(-1);
    var offered =
        Step.fresh()
            .offering(
                Step.Stage.DOCTOR,
                List.of(new Option("doc:1", "Dr. Samir Adel"), new Option("doc:2", "Dra. Lucía")));
    assertThat(Step.parse(offered.json())).isEqualTo(offered);
    assertThat(offered.titles()).containsExactly("Dr. Samir Adel", "Dra. Lucía");
  }

  @Test
  void aNumberTypedInAnyScriptPicksAnOption() {
    assertThat(Talk.typedNumber("2")).isEqualTo(2);
    assertThat(Talk.typedNumber(" ٢ ")).isEqualTo(2);
    assertThat(Talk.typedNumber("۱۰")).isEqualTo(10);
    assertThat(Talk.typedNumber("2pm")).isNull();
    assertThat(Talk.typedNumber("")).isNull();
  }

  @Test
  void aLongDayIsOfferedSpreadOutNotJustItsFirstTimes() {
    var slots = new ArrayList<io.carebook.scheduling.Slot>();
    var start = java.time.Instant.parse("2026-12-09T06:00:00Z");
    for (int i = 0; i < 48; i++) {
      slots.add(
          new io.carebook.scheduling.Slot(
              start.plusSeconds(900L * i), start.plusSeconds(900L * (i + 1)), 1));
    }
    var shown = Dialogue.spread(slots, 10);
    assertThat(shown).hasSize(10);
    assertThat(shown.getFirst()).isEqualTo(slots.getFirst());
    assertThat(shown.getLast()).isEqualTo(slots.getLast());
  }

  @Test
  void textsSaidBeforeAChoiceTravelInItsMessageSoTheyCannotArriveAfterIt() {
    var times = List.of(new Option("time:a", "10:00"), new Option("time:b", "10:30"));
    var joined =
        Reply.joined(
            List.of(
                Reply.text("Sorry, someone else has just taken it."),
                Reply.choice("Other times on Tuesday:", times, "Times", "Reply with a number.")));
    assertThat(joined).hasSize(1);
    assertThat(joined.getFirst().text())
        .isEqualTo("Sorry, someone else has just taken it.\n\nOther times on Tuesday:");
    assertThat(joined.getFirst().ids()).containsExactly("time:a", "time:b");

    assertThat(Reply.joined(List.of(Reply.text("One."), Reply.text("Two."))))
        .containsExactly(Reply.text("One.\n\nTwo."));
    var choiceFirst =
        List.of(Reply.choice("Pick", times, "Times", "Reply with a number."), Reply.text("Then."));
    assertThat(Reply.joined(choiceFirst)).isEqualTo(choiceFirst);
    var long1 = Reply.text("x".repeat(900));
    var list = Reply.choice("y".repeat(200), times, "Times", "Reply with a number.");
    assertThat(Reply.joined(List.of(long1, list))).containsExactly(long1, list);
  }
}
