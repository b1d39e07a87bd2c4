package io.carebook.conversations.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.conversations.simulator.ChatLine.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The Cloud API payloads the fake accepts, and those Meta's own limits refuse. */
class OutboundShapesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aListKeepsItsButtonSectionsAndRows() {
    var line =
        read(
            """
            {"messaging_product": "whatsapp", "to": "201001112233", "type": "interactive",
             "interactive": {"type": "list", "header": {"type": "text", "text": "Dr. Amal"},
               "body": {"text": "Which time suits you?"}, "footer": {"text": "Nile Dokki"},
               "action": {"button": "Times", "sections": [
                 {"title": "Thursday", "rows": [{"id": "slot-1", "title": "10:00", "description": "30 min"},
                                                {"id": "slot-2", "title": "10:30"}]}]}}}""");

    assertThat(line.kind()).isEqualTo(Kind.LIST);
    assertThat(line.text()).isEqualTo("Which time suits you?");
    assertThat(line.header()).isEqualTo("Dr. Amal");
    assertThat(line.footer()).isEqualTo("Nile Dokki");
    assertThat(line.button()).isEqualTo("Times");
    assertThat(line.options())
        .containsExactly(
            new ChatLine.Option("slot-1", "10:00", "30 min", "Thursday"),
            new ChatLine.Option("slot-2", "10:30", null, "Thursday"));
  }

  @Test
  void replyButtonsTextAndTemplatesAreRead() {
    var buttons =
        read(
            """
            {"messaging_product": "whatsapp", "to": "201001112233", "type": "interactive",
             "interactive": {"type": "button", "body": {"text": "¿Confirma su cita?"},
               "action": {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Sí"}},
                                      {"type": "reply", "reply": {"id": "no", "title": "No"}}]}}}""");
    var text =
        read(
            """
            {"messaging_product": "whatsapp", "to": "+20 100 111 2233", "type": "text",
             "text": {"body": "أهلاً بك"}}""");
    var template =
        read(
            """
            {"messaging_product": "whatsapp", "to": "201001112233", "type": "template",
             "template": {"name": "appointment_reminder", "language": {"code": "ar"},
               "components": [{"type": "body", "parameters": [{"type": "text", "text": "Amal"},
                                                              {"type": "text", "text": "Nile Dokki"}]}]}}""");

    assertThat(buttons.kind()).isEqualTo(Kind.BUTTONS);
    assertThat(buttons.options()).extracting(ChatLine.Option::title).containsExactly("Sí", "No");
    assertThat(text.kind()).isEqualTo(Kind.TEXT);
    assertThat(text.text()).isEqualTo("أهلاً بك");
    assertThat(template.kind()).isEqualTo(Kind.TEMPLATE);
    assertThat(template.header()).isEqualTo("appointment_reminder");
    assertThat(template.text()).isEqualTo("Amal · Nile Dokki");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"messaging_product\": \"sms\", \"to\": \"1\", \"type\": \"text\", \"text\": {\"body\": \"hi\"}}",
        "{\"messaging_product\": \"whatsapp\", \"type\": \"text\", \"text\": {\"body\": \"hi\"}}",
        "{\"messaging_product\": \"whatsapp\", \"to\": \"1\", \"type\": \"text\", \"text\": {}}",
        "{\"messaging_product\": \"whatsapp\", \"to\": \"1\", \"type\": \"sticker\"}",
        "{\"messaging_product\": \"whatsapp\", \"to\": \"1\", \"type\": \"interactive\", \"interactive\":"
            + " {\"type\": \"button\", \"body\": {\"text\": \"?\"}, \"action\": {\"buttons\": ["
            + "{\"reply\": {\"id\": \"1\", \"title\": \"a\"}}, {\"reply\": {\"id\": \"2\", \"title\": \"b\"}},"
            + "{\"reply\": {\"id\": \"3\", \"title\": \"c\"}}, {\"reply\": {\"id\": \"4\", \"title\": \"d\"}}]}}}",
        "{\"messaging_product\": \"whatsapp\", \"to\": \"1\", \"type\": \"interactive\", \"interactive\":"
            + " {\"type\": \"button\", \"body\": {\"text\": \"?\"}, \"action\": {\"buttons\": ["
            + "{\"reply\": {\"id\": \"1\", \"title\": \"a title far too long for a button\"}}]}}}",
        "{\"messaging_product\": \"whatsapp\", \"to\": \"1\", \"type\": \"interactive\", \"interactive\":"
            + " {\"type\": \"list\", \"body\": {\"text\": \"?\"}, \"action\": {\"button\": \"Times\","
            + " \"sections\": []}}}",
        "{\"messaging_product\": \"whatsapp\", \"to\": \"1\", \"type\": \"template\", \"template\":"
            + " {\"name\": \"appointment_reminder\"}}"
      })
  void whatTheRealCloudApiRefusesIsRefused(String payload) {
    assertThatThrownBy(() -> read(payload)).isInstanceOf(OutboundShapes.Refused.class);
  }

  private static ChatLine read(String payload) {
    return OutboundShapes.read(JSON.readTree(payload), "wamid.TEST", Instant.EPOCH);
  }
}
