package io.carebook.notifications.web;

import io.carebook.notifications.ChannelSettings;
import io.carebook.notifications.DeliveryStates;
import io.carebook.notifications.MessageChannel;
import io.carebook.notifications.MessageStatus;
import io.carebook.notifications.NotificationSettings;
import io.carebook.notifications.Replies;
import io.carebook.notifications.Signatures;
import io.carebook.notifications.Webhooks;
import io.carebook.notifications.WhatsAppNumbers;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Ids;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What providers call: delivery states and patients' replies, per clinic. Nothing is believed
 * before its signature checks out with the clinic's own secret (Twilio's auth token, the WhatsApp
 * app's secret); a bad signature is a 401 problem. Repeated callbacks change nothing: states only
 * move forward, and a reply is acted on once per provider message id.
 */
@RestController
@Tag(name = "Webhooks", description = "Provider callbacks: delivery states and replies")
class ProviderWebhooks {

  private static final Map<String, MessageStatus> TWILIO_STATES =
      Map.of(
          "sent", MessageStatus.SENT,
          "delivered", MessageStatus.DELIVERED,
          "read", MessageStatus.READ,
          "undelivered", MessageStatus.FAILED,
          "failed", MessageStatus.FAILED);

  private final NotificationSettings settings;
  private final DeliveryStates states;
  private final Replies replies;
  private final Organizations organizations;
  private final Webhooks webhooks;
  private final TenantTransactions tenants;
  private final WhatsAppNumbers numbers;
  private final JsonMapper json = JsonMapper.builder().build();

  ProviderWebhooks(
      NotificationSettings settings,
      DeliveryStates states,
      Replies replies,
      Organizations organizations,
      Webhooks webhooks,
      TenantTransactions tenants,
      WhatsAppNumbers numbers) {
    this.numbers = numbers;
    this.settings = settings;
    this.states = states;
    this.replies = replies;
    this.organizations = organizations;
    this.webhooks = webhooks;
    this.tenants = tenants;
  }

  @PostMapping(
      path = Webhooks.BASE + "/sms/{tenant}/{clinic}/status",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Twilio's status callback for one message (X-Twilio-Signature)")
  ResponseEntity<Void> smsStatus(
      @PathVariable String tenant,
      @PathVariable String clinic,
      @RequestParam(name = "message", required = false) @Nullable String ours,
      @RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature,
      HttpServletRequest request) {
    inClinic(
        tenant,
        clinic,
        () -> {
          var form = twilioVerified(request, signature);
          var state = TWILIO_STATES.get(form.getOrDefault("MessageStatus", ""));
          if (state != null) {
            var error = form.get("ErrorCode");
            states.reported(
                form.get("MessageSid"),
                uuidOrNull(ours),
                state,
                error == null ? null : "Provider error " + error);
          }
          return null;
        });
    return ResponseEntity.noContent().build();
  }

  @PostMapping(
      path = Webhooks.BASE + "/sms/{tenant}/{clinic}/inbound",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_XML_VALUE)
  @Operation(summary = "Twilio's incoming-message webhook: a patient's reply (X-Twilio-Signature)")
  String smsInbound(
      @PathVariable String tenant,
      @PathVariable String clinic,
      @RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature,
      HttpServletRequest request) {
    inClinic(
        tenant,
        clinic,
        () -> {
          var form = twilioVerified(request, signature);
          if (form.get("From") != null && form.get("Body") != null) {
            replies.received(
                MessageChannel.SMS, form.get("From"), form.get("Body"), form.get("MessageSid"));
          }
          return null;
        });
    return "<Response/>"; // our answers go out as messages of their own, tracked like any other
  }

  @GetMapping(Webhooks.BASE + "/whatsapp/{tenant}/{clinic}")
  @Operation(summary = "WhatsApp's webhook verification: echoes hub.challenge to the right token")
  ResponseEntity<String> whatsappVerify(
      @PathVariable String tenant,
      @PathVariable String clinic,
      @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
      @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
      @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
    var expected = inClinic(tenant, clinic, () -> settingsOf(clinic).whatsappVerifyToken());
    if (!"subscribe".equals(mode) || expected == null || !Signatures.same(token, expected)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "bad-verify-token", "The verify token does not match.");
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(challenge));
  }

  @PostMapping(Webhooks.BASE + "/whatsapp/{tenant}/{clinic}")
  @Operation(summary = "WhatsApp Cloud API events: statuses and replies (X-Hub-Signature-256)")
  ResponseEntity<Void> whatsappEvents(
      @PathVariable String tenant,
      @PathVariable String clinic,
      @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature,
      @RequestBody byte[] body) {
    inClinic(
        tenant,
        clinic,
        () -> {
          var secret = settingsOf(clinic).whatsappAppSecret();
          if (secret == null || !Signatures.same(signature, Signatures.whatsapp(secret, body))) {
            throw badSignature();
          }
          events(parse(body));
          return null;
        });
    return ResponseEntity.ok().build();
  }

  @GetMapping(Webhooks.BASE + "/whatsapp")
  @Operation(
      summary =
          "WhatsApp's webhook verification for the app-level URL: echoes hub.challenge to a clinic's"
              + " verify token")
  ResponseEntity<String> whatsappAppVerify(
      @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
      @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
      @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
    if (!"subscribe".equals(mode) || token == null || !numbers.verifyTokenKnown(token)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "bad-verify-token", "The verify token does not match.");
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(challenge));
  }

  /**
   * One URL for the whole Meta app: each change names the business phone number it came to ({@code
   * value.metadata.phone_number_id}), whose clinic's app secret must verify the signature before
   * anything in it is believed; a number no clinic (or more than one) set up is refused like a bad
   * signature.
   */
  @PostMapping(Webhooks.BASE + "/whatsapp")
  @Operation(
      summary =
          "WhatsApp Cloud API events for the app-level URL, routed to clinics by phone number id"
              + " (X-Hub-Signature-256)")
  ResponseEntity<Void> whatsappAppEvents(
      @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature,
      @RequestBody byte[] body) {
    var payload = parse(body);
    var numbersInPayload = new java.util.LinkedHashSet<String>();
    for (var entry : payload.path("entry")) {
      for (var change : entry.path("changes")) {
        numbersInPayload.add(
            change.path("value").path("metadata").path("phone_number_id").asString(""));
      }
    }
    if (numbersInPayload.isEmpty()) {
      throw badSignature(); // no change names a number: nothing a clinic's secret could vouch for
    }
    var routes = new java.util.LinkedHashMap<String, WhatsAppNumbers.Route>();
    for (var number : numbersInPayload) {
      var route = number.isEmpty() ? null : numbers.clinicOf(number).orElse(null);
      if (route == null) {
        throw badSignature(); // nobody here can vouch for it
      }
      routes.put(number, route);
    }
    for (var routed : routes.entrySet()) {
      var route = routed.getValue();
      tenants.inClinic(
          route.tenant(),
          route.clinic(),
          () -> {
            var secret = settings.of(route.clinic()).whatsappAppSecret();
            if (secret == null || !Signatures.same(signature, Signatures.whatsapp(secret, body))) {
              throw badSignature();
            }
            events(payload, routed.getKey());
            return null;
          });
    }
    return ResponseEntity.ok().build();
  }

  private void events(JsonNode payload) {
    events(payload, null);
  }

  /** The statuses and messages of the payload; only the changes to {@code number} when given. */
  private void events(JsonNode payload, @Nullable String number) {
    for (var entry : payload.path("entry")) {
      for (var change : entry.path("changes")) {
        var value = change.path("value");
        if (number != null
            && !number.equals(value.path("metadata").path("phone_number_id").asString(""))) {
          continue;
        }
        for (var status : value.path("statuses")) {
          var state = TWILIO_STATES.get(status.path("status").asString(""));
          if (state != null) {
            var error = status.path("errors").path(0);
            states.reported(
                status.path("id").asString(null),
                uuidOrNull(status.path("biz_opaque_callback_data").asString(null)),
                state,
                error.isMissingNode() ? null : error.path("title").asString("Provider error"));
          }
        }
        for (var message : value.path("messages")) {
          var interactive = message.path("interactive");
          var tapped =
              interactive.path("list_reply").isMissingNode()
                  ? interactive.path("button_reply")
                  : interactive.path("list_reply");
          // a template's quick-reply button comes as "button": its text is a reminder keyword
          var text =
              tapped.isMissingNode()
                  ? message
                      .path("text")
                      .path("body")
                      .asString(message.path("button").path("text").asString(""))
                  : tapped.path("title").asString("");
          replies.received(
              MessageChannel.WHATSAPP,
              "+" + message.path("from").asString(""),
              text,
              tapped.isMissingNode() ? null : tapped.path("id").asString(null),
              message.path("id").asString(null));
        }
      }
    }
  }

  private JsonNode parse(byte[] body) {
    try {
      return json.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("body", "is not JSON");
    }
  }

  /** The POST parameters, once their signature matches the address we gave Twilio. */
  private Map<String, String> twilioVerified(
      HttpServletRequest request, @Nullable String signature) {
    var token = settingsOf(TenantContext.clinic().value().toString()).smsAuthToken();
    var query = request.getQueryString();
    var url = webhooks.baseUrl() + request.getRequestURI() + (query == null ? "" : "?" + query);
    var fromQuery = new HashSet<String>();
    if (query != null) {
      for (var pair : query.split("&")) {
        fromQuery.add(java.net.URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
      }
    }
    var form = new HashMap<String, String>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!fromQuery.contains(name) && values.length > 0) {
                form.put(name, values[0]);
              }
            });
    if (token == null || !Signatures.same(signature, Signatures.twilio(token, url, form))) {
      throw badSignature();
    }
    return form;
  }

  private ChannelSettings settingsOf(String clinic) {
    return settings.of(ClinicId.of(clinic));
  }

  private <T> T inClinic(String tenant, String clinic, Supplier<T> work) {
    var tenantId = new TenantId(Ids.parse(tenant, "Clinic"));
    var clinicId = new ClinicId(Ids.parse(clinic, "Clinic"));
    return tenants.inClinic(
        tenantId,
        clinicId,
        () -> {
          if (organizations.find(clinicId).isEmpty()) {
            throw new NotFoundException("Clinic");
          }
          return work.get();
        });
  }

  private static ProblemException badSignature() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED, "bad-signature", "The request's signature does not match.");
  }

  private static @Nullable UUID uuidOrNull(@Nullable String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
