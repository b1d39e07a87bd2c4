package io.carebook.scheduling.web;

import io.carebook.patients.NewPatient;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.SlotTakenException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quick-book from the calendar: a free slot opens a form that finds the patient as the desk types
 * (name, phone or record number) and books the one picked, or a new patient. A phone already on
 * file under another name is never given a second patient silently: the form comes back with the
 * people on that phone, and a new patient on it takes {@code newPatientOnSharedPhone=true}.
 */
@Controller
class QuickBookPages {

  private final Scheduling calendar;
  private final Permissions permissions;
  private final QuickBookCandidates candidates;
  private final QuickBookSlot slots;

  QuickBookPages(
      Scheduling calendar,
      Permissions permissions,
      QuickBookCandidates candidates,
      QuickBookSlot slots) {
    this.calendar = calendar;
    this.permissions = permissions;
    this.candidates = candidates;
    this.slots = slots;
  }

  /** The form for one free slot, fetched by htmx into the calendar page. */
  @GetMapping("/calendar/quick-book")
  String form(
      @RequestParam UUID doctorId,
      @RequestParam Instant startsAt,
      @RequestParam(defaultValue = "") String type,
      jakarta.servlet.http.HttpSession session,
      Model model) {
    permissions.require(Action.BOOKING);
    slots.addTo(model, doctorId, startsAt, type);
    QuickBookFor.prefill(session, model); // issue 19: booking for a patient of the inbox
    return "scheduling/quick-book :: panel";
  }

  /** The patients the typed name, phone or record number may be. */
  @GetMapping("/calendar/patients")
  String matches(
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String phone,
      Model model) {
    permissions.require(Action.BOOKING);
    model.addAttribute("candidates", candidates.matching(fullName, phone));
    model.addAttribute("sharedPhone", !candidates.sharingPhone(fullName, phone).isEmpty());
    return "scheduling/quick-book :: candidates";
  }

  @PostMapping("/calendar/book")
  String book(
      @RequestParam UUID doctorId,
      @RequestParam Instant startsAt,
      @RequestParam(required = false) @Nullable UUID patientId,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "false") boolean newPatientOnSharedPhone,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "") String serviceType,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpSession session,
      RedirectAttributes redirect) {
    permissions.require(Action.BOOKING);
    redirect.addAttribute("date", date.toString());
    if (!serviceType.isEmpty()) {
      redirect.addAttribute("type", serviceType);
    }
    try {
      if (patientId == null
          && !newPatientOnSharedPhone
          && !candidates.sharingPhone(fullName, phone).isEmpty()) {
        return askWhoItIs(doctorId, startsAt, fullName, phone, redirect);
      }
      var booked =
          calendar.book(
              new NewAppointment(
                  new UserId(doctorId),
                  startsAt,
                  serviceType,
                  patientId,
                  patientId == null
                      ? new NewPatient(fullName.strip(), phone.isBlank() ? null : phone, null, null)
                      : null,
                  "STAFF"),
              false);
      redirect.addFlashAttribute("booked", true);
      var back = QuickBookFor.returnAfterBooking(session); // issue 19: back to the conversation
      var conversation = QuickBookFor.conversationForwarding(request);
      if (conversation != null) { // the inbox writes the booking into its transcript, apart
        return "forward:/inbox/" + conversation + "/booked?appointmentId=" + booked.id();
      }
      if (back != null) {
        return "redirect:" + back;
      }
    } catch (SlotTakenException e) {
      redirect.addFlashAttribute("problem", "slot-taken");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/calendar";
  }

  /** Back to the same slot's form, with the people already on the phone to pick from. */
  private String askWhoItIs(
      UUID doctorId, Instant startsAt, String fullName, String phone, RedirectAttributes redirect) {
    redirect.addFlashAttribute("candidates", candidates.matching(fullName, phone));
    redirect.addFlashAttribute("sharedPhone", true);
    redirect.addFlashAttribute(
        "typed", new java.util.HashMap<>(Map.of("fullName", fullName, "phone", phone)));
    redirect.addAttribute("doctorId", doctorId.toString());
    redirect.addAttribute("startsAt", startsAt.toString());
    return "redirect:/calendar#quick-book";
  }
}
