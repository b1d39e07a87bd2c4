package io.carebook.notifications.web;

import io.carebook.audit.AuditTrail;
import io.carebook.notifications.ChannelSettings;
import io.carebook.notifications.MessagePreferences;
import io.carebook.notifications.NotificationSettings;
import io.carebook.notifications.Outbox;
import io.carebook.notifications.OutboxMessage;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messaging settings of the active clinic, patients' preferences, and failed messages. */
@RestController
@Tag(name = "Notifications", description = "Reminders, channels, delivery states")
class NotificationsApi {

  private final NotificationSettings settings;
  private final MessagePreferences preferences;
  private final Outbox outbox;
  private final Permissions permissions;
  private final PatientDirectory patients;
  private final AuditTrail audit;

  NotificationsApi(
      AuditTrail audit,
      NotificationSettings settings,
      MessagePreferences preferences,
      Outbox outbox,
      Permissions permissions,
      PatientDirectory patients) {
    this.settings = settings;
    this.preferences = preferences;
    this.outbox = outbox;
    this.permissions = permissions;
    this.patients = patients;
    this.audit = audit;
  }

  /** The settings as the API shows them: credentials only as "set" or not. */
  record SettingsView(
      List<Integer> reminderMinutes,
      @Nullable String quietFrom,
      @Nullable String quietUntil,
      List<String> channels,
      SmsView sms,
      WhatsAppView whatsapp,
      int version) {

    static SettingsView of(ChannelSettings s) {
      return new SettingsView(
          s.reminderMinutes(),
          s.quietFrom() == null ? null : s.quietFrom().toString(),
          s.quietUntil() == null ? null : s.quietUntil().toString(),
          s.channels(),
          new SmsView(s.smsAccountSid(), s.smsFrom(), s.smsAuthToken() != null),
          new WhatsAppView(
              s.whatsappPhoneNumberId(),
              s.whatsappAccessToken() != null,
              s.whatsappAppSecret() != null,
              s.whatsappVerifyToken() != null),
          Math.max(0, s.version()));
    }
  }

  /** An unset field is null, never the text "null". */
  record SmsView(@Nullable String accountSid, @Nullable String from, boolean authTokenSet) {}

  record WhatsAppView(
      @Nullable String phoneNumberId,
      boolean accessTokenSet,
      boolean appSecretSet,
      boolean verifyTokenSet) {}

  record SmsInput(@Nullable String accountSid, @Nullable String from, @Nullable String authToken) {}

  record WhatsAppInput(
      @Nullable String phoneNumberId,
      @Nullable String accessToken,
      @Nullable String appSecret,
      @Nullable String verifyToken) {}

  record SettingsInput(
      @Nullable List<Integer> reminderMinutes,
      @Nullable String quietFrom,
      @Nullable String quietUntil,
      @Nullable List<String> channels,
      @Nullable SmsInput sms,
      @Nullable WhatsAppInput whatsapp) {}

  @GetMapping("/api/v1/notification-settings")
  @Operation(summary = "The active clinic's reminders, quiet hours and channels (SETTINGS_MANAGE)")
  ResponseEntity<SettingsView> settings() {
    permissions.require(Action.SETTINGS_MANAGE);
    var current = settings.of(TenantContext.clinic());
    return ResponseEntity.ok()
        .eTag("\"" + Math.max(0, current.version()) + "\"")
        .body(SettingsView.of(current));
  }

  @PutMapping("/api/v1/notification-settings")
  @Operation(
      summary = "Change the active clinic's messaging settings (SETTINGS_MANAGE; If-Match)",
      description =
          "Credentials are write-only and encrypted; leave one out to keep the saved one."
              + " Channels in order of preference: WHATSAPP, SMS, EMAIL.")
  ResponseEntity<SettingsView> save(
      @RequestBody SettingsInput input,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.SETTINGS_MANAGE);
    var clinic = TenantContext.clinic();
    var current = settings.of(clinic);
    var sms = input.sms() == null ? new SmsInput(null, null, null) : input.sms();
    var wa =
        input.whatsapp() == null ? new WhatsAppInput(null, null, null, null) : input.whatsapp();
    var changed =
        new ChannelSettings(
            input.reminderMinutes() == null
                ? ChannelSettings.DEFAULT_REMINDERS
                : input.reminderMinutes(),
            time("quietFrom", input.quietFrom()),
            time("quietUntil", input.quietUntil()),
            input.channels() == null ? List.of() : input.channels(),
            blankToNull(sms.accountSid()),
            blankToNull(sms.from()),
            sms.authToken(),
            blankToNull(wa.phoneNumberId()),
            wa.accessToken(),
            wa.appSecret(),
            wa.verifyToken(),
            0);
    var expected = ifMatch == null ? Math.max(0, current.version()) : version(ifMatch);
    var saved = settings.save(clinic, changed, expected);
    return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(SettingsView.of(saved));
  }

  record PreferenceInput(@Nullable String language, boolean optedOut) {}

  @PutMapping("/api/v1/patients/{id}/message-preferences")
  @Operation(
      summary = "A patient's message language (en, es, ar) and opt-out (PATIENT_EDIT)",
      description =
          "If-Match (optional) with the ETag of the GET refuses a stale write (412); without it"
              + " the change is applied.")
  ResponseEntity<MessagePreferences.Preference> setPreferences(
      @PathVariable String id,
      @RequestBody PreferenceInput input,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.PATIENT_EDIT);
    var patient = patient(id);
    if (input.language() != null && !List.of("en", "es", "ar").contains(input.language())) {
      throw ProblemException.invalid("language", "must be en, es or ar");
    }
    preferences.save(
        patient,
        new MessagePreferences.Preference(input.language(), input.optedOut()),
        ETags.sent(ifMatch));
    return ResponseEntity.ok()
        .eTag(ETags.of(preferences.version(patient)))
        .body(preferences.of(patient));
  }

  @GetMapping("/api/v1/patients/{id}/message-preferences")
  @Operation(summary = "A patient's message language and opt-out (PATIENT_VIEW)")
  ResponseEntity<MessagePreferences.Preference> preferences(@PathVariable String id) {
    permissions.require(Action.PATIENT_VIEW);
    var patient = patient(id);
    return ResponseEntity.ok()
        .eTag(ETags.of(preferences.version(patient)))
        .body(preferences.of(patient));
  }

  @GetMapping("/api/v1/messages/failed")
  @Operation(
      summary =
          "The active clinic's messages that failed after every retry, newest first"
              + " (VIEW_MESSAGES); one-time links and codes masked")
  CursorPage<OutboxMessage> failed(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.VIEW_MESSAGES);
    var clinic = TenantContext.clinic();
    audit.viewed("outbox_messages", clinic.toString(), null);
    if (CursorPage.askedWhole(limit, cursor)) {
      return CursorPage.whole(outbox.failed(clinic, 100));
    }
    return outbox.failed(clinic, CursorPage.limitOrDefault(limit), Keyset.after(cursor));
  }

  @PostMapping("/api/v1/messages/{id}/resend")
  @Operation(
      summary =
          "Send a failed message of the active clinic again, now (VIEW_MESSAGES); 409 unless"
              + " it failed")
  ResponseEntity<Void> resend(@PathVariable String id) {
    permissions.require(Action.VIEW_MESSAGES);
    outbox.resend(TenantContext.clinic(), Ids.parse(id, "Message"));
    return ResponseEntity.accepted().build();
  }

  private UUID patient(String id) {
    var patient = patients.get(new Patient.PatientId(Ids.parse(id, "Patient")));
    return patient.id().value();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static @Nullable LocalTime time(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be a time like 21:00");
    }
  }

  private static int version(String ifMatch) {
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED, "stale", "The If-Match value is not an ETag we sent.");
    }
  }
}
