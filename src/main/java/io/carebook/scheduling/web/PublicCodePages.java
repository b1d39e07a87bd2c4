package io.carebook.scheduling.web;

import io.carebook.scheduling.OnlineBooking;
import io.carebook.scheduling.PublicCodes;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The code step of a public booking: the page that says where the code went (masked), takes it and
 * confirms the booking; and sends it again once the delay has passed. The waitlist's code page
 * ({@link PublicWaitlistPages}) is the same page.
 */
@Controller
@AllowedWhenReadOnly
class PublicCodePages {

  private final OnlineBooking booking;
  private final PublicCodes codes;

  PublicCodePages(OnlineBooking booking, PublicCodes codes) {
    this.booking = booking;
    this.codes = codes;
  }

  @GetMapping("/book/{slug}/requests/{id}")
  String code(@PathVariable String slug, @PathVariable UUID id, Model model) {
    return codePage(codes, slug, id, "BOOKING", model);
  }

  /**
   * The code page of a booking or waitlist request: where the code went (masked) and, after the
   * delay, a button to send it again; 404 for a request not of this clinic.
   */
  static String codePage(PublicCodes codes, String slug, UUID id, String kind, Model model) {
    var sent = codes.sentTo(slug, id, kind);
    model.addAttribute("slug", slug);
    model.addAttribute("requestId", id);
    model.addAttribute("sent", sent);
    return "scheduling/public-code";
  }

  @PostMapping("/book/{slug}/requests/{id}")
  String confirm(
      @PathVariable String slug,
      @PathVariable UUID id,
      @RequestParam String code,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    try {
      var confirmed = booking.confirm(slug, id, code, http.getRemoteAddr());
      return "redirect:/book/manage/" + confirmed.manageToken() + "?booked";
    } catch (ProblemException e) {
      response.setStatus(e.status().value()); // a wrong or refused code is no success
      model.addAttribute("problem", e.kind());
      return code(slug, id, model);
    }
  }

  /**
   * Sends the code again, once the delay has passed: a resend before it, or beyond the caps and
   * limits, is refused with its status (429) and said on the code page.
   */
  @PostMapping("/book/{slug}/requests/{id}/resend")
  String resend(
      @PathVariable String slug,
      @PathVariable UUID id,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    return resendAndShow(codes, slug, id, "BOOKING", http, response, model);
  }

  static String resendAndShow(
      PublicCodes codes,
      String slug,
      UUID id,
      String kind,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    try {
      codes.resend(slug, id, kind, http.getRemoteAddr());
      model.addAttribute("resent", true);
    } catch (ProblemException e) {
      response.setStatus(e.status().value());
      e.headers().forEach(response::setHeader);
      model.addAttribute("problem", e.kind());
    }
    if ("WAITLIST".equals(kind)) {
      model.addAttribute("waitlist", true);
    }
    return codePage(codes, slug, id, kind, model);
  }
}
