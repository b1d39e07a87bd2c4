package io.carebook.conversations.web;

import io.carebook.conversations.Author;
import io.carebook.conversations.Conversations;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "No time suits me, call me back" from a clinic's public booking page: the patient leaves a name,
 * a phone and a note, and the request waits in the clinic's inbox ({@link
 * Conversations#openForRequest}, written as the patient's). Nothing is sent to the phone, so no
 * code is asked; requests are limited per address and per phone.
 */
@Controller
class CallBackPages {

  static final RateLimits.Limit PER_IP =
      new RateLimits.Limit("call-back-ip", 10, Duration.ofHours(1));
  static final RateLimits.Limit PER_PHONE =
      new RateLimits.Limit("call-back-phone", 3, Duration.ofDays(1));

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;
  private final Organizations organizations;
  private final Conversations conversations;
  private final RateLimits limits;

  CallBackPages(
      JdbcClient jdbc,
      TenantTransactions tenants,
      Organizations organizations,
      Conversations conversations,
      RateLimits limits) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.organizations = organizations;
    this.conversations = conversations;
    this.limits = limits;
  }

  @GetMapping("/book/{slug}/call-back")
  String form(@PathVariable String slug, Model model) {
    model.addAttribute("clinic", clinic(slug));
    model.addAttribute("slug", slug);
    return "conversations/call-back";
  }

  @PostMapping("/book/{slug}/call-back")
  String request(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String note,
      HttpServletRequest http,
      Model model) {
    var route = route(slug);
    var clinic = inClinic(route, organizations::activeClinic);
    model.addAttribute("clinic", clinic);
    model.addAttribute("slug", slug);
    model.addAttribute("fullName", fullName);
    model.addAttribute("phone", phone);
    model.addAttribute("note", note);
    var number = PhoneNumber.parse(phone, clinic.country());
    if (fullName.isBlank() || fullName.length() > 200 || note.length() > 1000 || number.isEmpty()) {
      model.addAttribute("problem", number.isEmpty() ? "phone" : "fullName");
      return "conversations/call-back";
    }
    limits.consume(PER_IP, http.getRemoteAddr());
    limits.consume(PER_PHONE, number.get().e164());
    var summary =
        "Call-back request from the booking page: "
            + fullName.strip()
            + (note.isBlank() ? "" : " — " + note.strip());
    try {
      inClinic(
          route,
          () ->
              conversations.openForRequest(
                  route.clinic(), number.get().e164(), null, summary, Author.PATIENT, null));
    } catch (ProblemException e) {
      model.addAttribute("problem", "phone");
      return "conversations/call-back";
    }
    model.addAttribute("sent", true);
    return "conversations/call-back";
  }

  record Route(TenantId tenant, ClinicId clinic) {}

  private Clinic clinic(String slug) {
    return inClinic(route(slug), organizations::activeClinic);
  }

  private <T> T inClinic(Route route, java.util.function.Supplier<T> work) {
    return tenants.asVisitor(route.tenant(), route.clinic(), work);
  }

  /** The clinic of a public page's slug, found before any tenant is known; 404 when unknown. */
  private Route route(String slug) {
    return tenants
        .beforeTenant(
            () ->
                jdbc.sql("select * from clinic_by_slug(?)")
                    .param(slug)
                    .query(
                        (rs, n) ->
                            new Route(
                                new TenantId(rs.getObject(1, UUID.class)),
                                new ClinicId(rs.getObject(2, UUID.class))))
                    .optional())
        .orElseThrow(() -> new NotFoundException("Clinic"));
  }
}
