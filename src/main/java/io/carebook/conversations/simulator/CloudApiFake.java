package io.carebook.conversations.simulator;

import io.carebook.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cloud API's send endpoint, faked inside the app: {@code POST
 * /dev/whatsapp/graph/{version}/{phone-number-id}/messages}, answered as Meta answers (the
 * message's {@code wamid}, or Meta's error object), the message kept for the phone page, then
 * "sent" and "delivered" statuses posted back to the clinic's webhook as Meta would (the line's
 * state is then "delivered" when the webhook took them, else what it answered). Off, it answers
 * 404.
 */
@RestController
class CloudApiFake {

  static final String PATH = "/dev/whatsapp/graph";

  private final SimulatorSwitch simulator;
  private final Chats chats;
  private final SimulatedClinics clinics;
  private final ClinicWebhooks webhooks;
  private final JsonMapper json = JsonMapper.builder().build();

  CloudApiFake(
      SimulatorSwitch simulator, Chats chats, SimulatedClinics clinics, ClinicWebhooks webhooks) {
    this.simulator = simulator;
    this.chats = chats;
    this.clinics = clinics;
    this.webhooks = webhooks;
  }

  @PostMapping(PATH + "/{version}/{phoneNumberId}/messages")
  ResponseEntity<Map<String, Object>> send(
      @PathVariable String version,
      @PathVariable String phoneNumberId,
      @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
      @RequestBody byte[] body) {
    if (!simulator.on()) {
      throw new NotFoundException("Page");
    }
    var clinic = clinics.byPhoneNumberId(phoneNumberId);
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
    }
    if (clinic.isPresent()) {
      var token = clinics.secretsOf(clinic.get()).accessToken();
      if (token != null && !authorization.equals("Bearer " + token)) {
        return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
      }
    }
    JsonNode payload;
    ChatLine line;
    try {
      payload = json.readTree(new String(body, StandardCharsets.UTF_8));
      line = OutboundShapes.read(payload, newMessageId(), Instant.now());
    } catch (OutboundShapes.Refused e) {
      return error(HttpStatus.BAD_REQUEST, 100, "(#100) Invalid parameter: " + e.getMessage());
    } catch (RuntimeException e) {
      return error(HttpStatus.BAD_REQUEST, 100, "(#100) The request body is not JSON");
    }
    var to = payload.path("to").asString("");
    var chat = Chats.Key.of(phoneNumberId, to);
    chats.add(chat, line);
    clinic.ifPresent(c -> reportDelivery(c, chat, line, callbackData(payload)));
    return ResponseEntity.ok(accepted(to, chat, line));
  }

  private void reportDelivery(
      SimulatedClinic clinic, Chats.Key chat, ChatLine line, @Nullable String callbackData) {
    var self = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    var later = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);
    CompletableFuture.runAsync(
        () -> {
          webhooks.status(self, clinic, chat, line, "sent", callbackData);
          var taken = webhooks.status(self, clinic, chat, line, "delivered", callbackData);
          chats.update(line.id(), l -> l.withState(taken));
        },
        later);
  }

  private static @Nullable String callbackData(JsonNode payload) {
    var data = payload.path("biz_opaque_callback_data").asString("");
    return data.isBlank() ? null : data;
  }

  private static Map<String, Object> accepted(String to, Chats.Key chat, ChatLine line) {
    Map<String, Object> message =
        line.kind() == ChatLine.Kind.TEMPLATE
            ? Map.of("id", line.id(), "message_status", "accepted")
            : Map.of("id", line.id());
    return Map.of(
        "messaging_product",
        "whatsapp",
        "contacts",
        List.of(Map.of("input", to, "wa_id", chat.waId())),
        "messages",
        List.of(message));
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, int code, String message) {
    return ResponseEntity.status(status)
        .body(
            Map.of(
                "error",
                Map.of(
                    "message",
                    message,
                    "type",
                    "OAuthException",
                    "code",
                    code,
                    "fbtrace_id",
                    "simulated")));
  }

  static String newMessageId() {
    var bytes = new byte[12];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "wamid.SIM" + HexFormat.of().formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
  }
}
