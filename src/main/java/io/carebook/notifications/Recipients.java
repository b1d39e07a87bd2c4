package io.carebook.notifications;

import io.carebook.identity.Staff;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who a patient message goes to, through which channel and in which language, with the variables
 * its text is written from. Must run inside the tenant's context with the clinic bound, in a
 * transaction.
 */
@Component
public class Recipients {

  public static final List<String> LANGUAGES = List.of("en", "es", "ar");

  private final PatientDirectory patients;
  private final Organizations organizations;
  private final Staff staff;
  private final MessagePreferences preferences;
  private final NotificationSettings settings;
  private final String baseUrl;

  Recipients(
      PatientDirectory patients,
      Organizations organizations,
      Staff staff,
      MessagePreferences preferences,
      NotificationSettings settings,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.patients = patients;
    this.organizations = organizations;
    this.staff = staff;
    this.preferences = preferences;
    this.settings = settings;
    this.baseUrl = baseUrl;
  }

  /** A patient reachable through {@code channel} at {@code address}. */
  record Recipient(
      UUID patientId,
      MessageChannel channel,
      String address,
      Locale locale,
      Clinic clinic,
      ChannelSettings settings,
      Map<String, String> variables) {

    /** The same recipient, with the message's {link} pointing at {@code link}. */
    Recipient withLink(String link) {
      return with("link", link);
    }

    /** The same recipient, with the message's variable {@code name} set to {@code value}. */
    Recipient with(String name, String value) {
      var changed = new java.util.HashMap<>(variables);
      changed.put(name, value);
      return new Recipient(patientId, channel, address, locale, clinic, settings, changed);
    }
  }

  /** The patient's recipient for a message about a time, or null: opted out, or unreachable. */
  @Nullable Recipient of(UUID patientId, ClinicId clinicId, @Nullable UserId doctor, Instant when) {
    return of(clinicId, List.of(patientId)).of(patientId, doctor, when);
  }

  /**
   * The recipients among a clinic's {@code patients}, read in a few statements however many they
   * are (their preferences, their records, the clinic, its settings and, when a message names its
   * doctor, the clinic's team): for work batched across appointments.
   */
  Audience of(ClinicId clinicId, java.util.Collection<UUID> patientIds) {
    var chosen = preferences.of(patientIds);
    var welcome = patientIds.stream().filter(id -> !chosen.get(id).optedOut()).distinct().toList();
    if (welcome.isEmpty()) {
      return new Audience(null, null, chosen, Map.of()); // nobody to write to: read no more
    }
    var clinic = organizations.find(clinicId).orElseThrow();
    return new Audience(clinic, settings.of(clinicId), chosen, patients.getAll(welcome));
  }

  /** A clinic's patients as {@link #of(ClinicId, java.util.Collection)} read them. */
  final class Audience {

    private final @Nullable Clinic clinic;
    private final @Nullable ChannelSettings settings;
    private final Map<UUID, MessagePreferences.Preference> preferences;
    private final Map<UUID, Patient> patients;
    private @Nullable Map<UserId, String> team;

    private Audience(
        @Nullable Clinic clinic,
        @Nullable ChannelSettings settings,
        Map<UUID, MessagePreferences.Preference> preferences,
        Map<UUID, Patient> patients) {
      this.clinic = clinic;
      this.settings = settings;
      this.preferences = preferences;
      this.patients = patients;
    }

    /** The patient's recipient for a message about a time, or null: opted out, or unreachable. */
    @Nullable Recipient of(UUID patientId, @Nullable UserId doctor, Instant when) {
      var patient = patients.get(patientId);
      var clinic = this.clinic;
      var settings = this.settings;
      if (patient == null || clinic == null || settings == null) {
        return null; // opted out (not read), or unknown
      }
      var preference = preferences.get(patientId);
      var language =
          preference.language() != null
              ? preference.language()
              : LANGUAGES.contains(clinic.locale().getLanguage())
                  ? clinic.locale().getLanguage()
                  : "en";
      var locale = Locale.forLanguageTag(language);
      var channel = channel(patient, settings);
      if (channel == null) {
        return null;
      }
      var variables = new LinkedHashMap<String, String>();
      variables.put("firstName", patient.fullName().strip().split("\\s+")[0]);
      variables.put("clinic", clinic.name());
      variables.put("doctor", doctor == null ? "" : nameOf(doctor));
      variables.put(
          "when",
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
              .withLocale(locale)
              .format(when.atZone(clinic.timezone())));
      variables.put("link", baseUrl + "/book/" + clinic.slug());
      variables.put("calendar", ""); // only a booking made online has its calendar file
      var address = channel.toPhone() ? patient.phone().e164() : patient.email();
      return new Recipient(
          patientId, channel, address, locale, clinic, settings, Map.copyOf(variables));
    }

    /** The doctor's name in the clinic's team, read once per audience and only when asked. */
    private String nameOf(UserId doctor) {
      if (team == null) {
        team = new java.util.HashMap<>();
        staff.members().forEach(m -> team.putIfAbsent(m.userId(), m.name()));
      }
      return team.getOrDefault(doctor, "");
    }
  }

  /**
   * The first of the clinic's channels that reaches the patient; with none set up, SMS or email.
   */
  private static @Nullable MessageChannel channel(Patient patient, ChannelSettings settings) {
    var phone = patient.phone() != null;
    var email = patient.email() != null && !patient.email().isBlank();
    for (var name : settings.channels()) {
      var channel = MessageChannel.valueOf(name);
      if (channel.toPhone() ? phone : email) {
        return channel;
      }
    }
    return phone ? MessageChannel.SMS : email ? MessageChannel.EMAIL : null;
  }
}
