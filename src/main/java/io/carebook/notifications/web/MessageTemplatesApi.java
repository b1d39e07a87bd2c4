package io.carebook.notifications.web;

import io.carebook.notifications.MessageKind;
import io.carebook.notifications.MessageTemplates;
import io.carebook.notifications.OneTimeSecret;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The active clinic's message wording per kind and language, and previews of it. */
@RestController
@Tag(name = "Notifications")
class MessageTemplatesApi {

  private final MessageTemplates templates;
  private final Organizations organizations;
  private final Permissions permissions;
  private final Clock clock;
  private final String baseUrl;

  MessageTemplatesApi(
      MessageTemplates templates,
      Organizations organizations,
      Permissions permissions,
      Clock clock,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.templates = templates;
    this.organizations = organizations;
    this.permissions = permissions;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  record Wording(@Nullable String subject, @Nullable String body) {}

  @GetMapping("/api/v1/message-templates")
  @Operation(summary = "Every kind's wording in a language (en, es, ar), the clinic's or built-in")
  List<MessageTemplates.Template> list(@RequestParam(defaultValue = "en") String locale) {
    permissions.require(Action.SETTINGS_MANAGE);
    MessageTemplates.check(MessageKind.APPOINTMENT_BOOKED, locale, "", "x");
    return MessageKind.WORDED.stream()
        .map(kind -> templates.of(TenantContext.clinic(), kind, locale))
        .toList();
  }

  @PutMapping("/api/v1/message-templates/{kind}/{locale}")
  @Operation(
      summary = "Word a kind of message the clinic's way (SETTINGS_MANAGE)",
      description =
          "Variables: {firstName}, {clinic}, {doctor}, {when}, {link}. If-Match (optional) with"
              + " the wording's version (its 'version' in GET /api/v1/message-templates, as an"
              + " ETag: \"1\"; \"0\" for the built-in wording) refuses a stale write (412).")
  ResponseEntity<MessageTemplates.Template> save(
      @PathVariable String kind,
      @PathVariable String locale,
      @RequestBody Wording wording,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.SETTINGS_MANAGE);
    templates.save(
        TenantContext.clinic(),
        MessageKind.worded(kind),
        locale,
        wording.subject() == null ? "" : wording.subject(),
        wording.body() == null ? "" : wording.body(),
        ETags.sent(ifMatch));
    var saved = templates.of(TenantContext.clinic(), MessageKind.worded(kind), locale);
    return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
  }

  @DeleteMapping("/api/v1/message-templates/{kind}/{locale}")
  @Operation(summary = "Go back to the built-in wording (SETTINGS_MANAGE)")
  ResponseEntity<Void> reset(@PathVariable String kind, @PathVariable String locale) {
    permissions.require(Action.SETTINGS_MANAGE);
    templates.reset(TenantContext.clinic(), MessageKind.worded(kind), locale);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/message-templates/{kind}/{locale}/preview")
  @Operation(summary = "A wording filled in with example values, as a patient would read it")
  MessageTemplates.Template preview(
      @PathVariable String kind, @PathVariable String locale, @RequestBody Wording wording) {
    permissions.require(Action.SETTINGS_MANAGE);
    var subject = wording.subject() == null ? "" : wording.subject();
    var body = wording.body() == null ? "" : wording.body();
    var worded = MessageKind.worded(kind);
    MessageTemplates.check(worded, locale, subject, body);
    return new MessageTemplates.Template(worded, locale, subject, body, true)
        .render(example(locale));
  }

  /** Example values: a patient, the active clinic, an appointment two days from now at ten. */
  Map<String, String> example(String locale) {
    var clinic = organizations.activeClinic();
    var when =
        clock
            .instant()
            .atZone(clinic.timezone())
            .plus(Duration.ofDays(2))
            .truncatedTo(ChronoUnit.DAYS)
            .withHour(10);
    var language = Locale.forLanguageTag(locale);
    return Map.of(
        "firstName",
        switch (locale) {
          case "ar" -> "أميرة";
          case "es" -> "Lucía";
          default -> "Amira";
        },
        "clinic",
        clinic.name(),
        "doctor",
        "Dr. Nour",
        "when",
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(language)
            .format(when),
        "link",
        baseUrl + "/book/" + clinic.slug(),
        "calendar",
        baseUrl + "/book/manage/" + OneTimeSecret.MASK + "/appointment.ics");
  }
}
