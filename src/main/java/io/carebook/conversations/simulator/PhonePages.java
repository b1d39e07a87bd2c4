package io.carebook.conversations.simulator;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.TenantId;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The developer's WhatsApp phone at {@code /dev/whatsapp}, open without signing in while the
 * simulator is on (developer mode only), 404 otherwise: pick a clinic and a patient's number, see
 * the chat, type or tap. Each message goes to the clinic's webhook as Meta would post it; the
 * clinic's answers arrive through the fake Cloud API and the chat polls for them every two seconds.
 */
@Controller
class PhonePages {

  static final String PAGE = "/dev/whatsapp";

  private final SimulatorSwitch simulator;
  private final SimulatedClinics clinics;
  private final Chats chats;
  private final ClinicWebhooks webhooks;
  private final PatientPhones phones;

  PhonePages(
      SimulatorSwitch simulator,
      SimulatedClinics clinics,
      Chats chats,
      ClinicWebhooks webhooks,
      PatientPhones phones) {
    this.simulator = simulator;
    this.clinics = clinics;
    this.chats = chats;
    this.webhooks = webhooks;
    this.phones = phones;
  }

  @GetMapping(PAGE)
  String phone(
      @RequestParam(required = false) @Nullable String tenant,
      @RequestParam(required = false) @Nullable String clinic,
      @RequestParam(required = false) @Nullable String phone,
      @RequestParam(required = false) @Nullable String newPhone,
      Model model) {
    requireOn();
    var chosen = chosenClinic(tenant, clinic);
    model.addAttribute("clinics", clinics.all());
    model.addAttribute("clinic", chosen.orElse(null));
    if (chosen.isEmpty()) {
      return "conversations/simulator/phone";
    }
    var known = phones.of(chosen.get());
    var patient = patientOf(known, phone, newPhone);
    model.addAttribute("phones", known);
    model.addAttribute("patient", patient);
    model.addAttribute("patientKnown", known.stream().anyMatch(p -> p.e164().equals(patient)));
    showLines(chosen.get(), patient, model);
    return "conversations/simulator/phone";
  }

  /**
   * The number typed as a new one, else the one picked, else ("a new number" picked and none typed,
   * or a clinic without patients) the page's own invented number, else the first patient's.
   */
  private static String patientOf(
      List<PatientPhones.Known> known, @Nullable String phone, @Nullable String newPhone) {
    var typed = PatientPhones.typed(newPhone).or(() -> PatientPhones.typed(phone));
    if (typed.isPresent()) {
      return typed.get();
    }
    var newNumberPicked = phone != null && phone.isBlank();
    return newNumberPicked || known.isEmpty() ? PatientPhones.NEW_NUMBER : known.getFirst().e164();
  }

  /** The chat alone, for polling: 204 when nothing changed since the version the page has. */
  @GetMapping(PAGE + "/chat")
  @Nullable String chat(
      @RequestParam String clinic,
      @RequestParam String phone,
      @RequestParam(defaultValue = "") String seen,
      Model model,
      HttpServletResponse response) {
    requireOn();
    var chosen = chosenClinic(null, clinic).orElseThrow(() -> new NotFoundException("Clinic"));
    var key = Chats.Key.of(chosen.phoneNumberId(), phone);
    if (seen.equals(version(chats.of(key)))) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return null;
    }
    return chatOf(chosen, key.patient(), model);
  }

  private String chatOf(SimulatedClinic clinic, String patient, Model model) {
    model.addAttribute("clinic", clinic);
    model.addAttribute("patient", patient);
    showLines(clinic, patient, model);
    return "conversations/simulator/chat :: chat";
  }

  /** A short fingerprint of the chat as shown: its lines and their states. */
  static String version(List<ChatLine> lines) {
    var hash = 17;
    for (var line : lines) {
      hash = 31 * hash + line.id().hashCode();
      hash = 31 * hash + line.state().hashCode();
    }
    return lines.size() + "-" + Integer.toHexString(hash);
  }

  @PostMapping(PAGE + "/send")
  String send(
      @RequestParam String clinic,
      @RequestParam String phone,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String optionId,
      @RequestParam(required = false) @Nullable String optionTitle,
      @RequestParam(required = false) @Nullable String replyTo,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    requireOn();
    var chosen = chosenClinic(null, clinic).orElseThrow(() -> new NotFoundException("Clinic"));
    var line = PatientLines.of(kind, text, optionId, optionTitle, Instant.now());
    if (line.isPresent()) {
      var key = Chats.Key.of(chosen.phoneNumberId(), phone);
      chats.add(key, line.get());
      var state = webhooks.patientSaid(self(), chosen, key, line.get(), replyTo);
      chats.update(line.get().id(), l -> l.withState(state));
    }
    var patient = Chats.Key.of(chosen.phoneNumberId(), phone).patient();
    if (htmx == null) {
      return "redirect:"
          + UriComponentsBuilder.fromPath(PAGE)
              .queryParam("clinic", clinic)
              .queryParam("phone", phone)
              .encode()
              .build()
              .toUriString();
    }
    return chatOf(chosen, patient, model);
  }

  /** The chat's lines; the clinic's messages shown for the first time are reported read. */
  private void showLines(SimulatedClinic clinic, String patient, Model model) {
    var key = Chats.Key.of(clinic.phoneNumberId(), patient);
    var self = self();
    for (var line : chats.of(key)) {
      if (!line.fromPatient() && line.state().equals("delivered")) {
        chats.update(line.id(), l -> l.withState("read"));
        CompletableFuture.runAsync(() -> webhooks.status(self, clinic, key, line, "read", null));
      }
    }
    var lines = chats.of(key);
    model.addAttribute("lines", lines);
    model.addAttribute("version", version(lines));
  }

  private Optional<SimulatedClinic> chosenClinic(@Nullable String tenant, @Nullable String clinic) {
    if (clinic == null || clinic.isBlank()) {
      return clinics.all().stream().findFirst();
    }
    try {
      return clinics.open(tenant == null ? null : TenantId.of(tenant), ClinicId.of(clinic));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Clinic");
    }
  }

  private void requireOn() {
    if (!simulator.on()) {
      throw new NotFoundException("Page");
    }
  }

  private static String self() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
  }
}
