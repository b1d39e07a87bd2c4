package io.carebook.clinical.web;

import io.carebook.clinical.History;
import io.carebook.clinical.Verification;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.Ids;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The history panel of the chart (a fragment the chart page loads) and the public verification page
 * of a printed prescription.
 */
@Controller
class HistoryPages {

  private final History history;
  private final Verification verification;
  private final Permissions permissions;
  private final java.util.List<io.carebook.frontdesk.VisitLinks> links;

  HistoryPages(
      History history,
      Verification verification,
      Permissions permissions,
      java.util.List<io.carebook.frontdesk.VisitLinks> links) {
    this.history = history;
    this.verification = verification;
    this.permissions = permissions;
    this.links = links;
  }

  @GetMapping("/patients/{id}/history")
  String panel(@PathVariable String id, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    var entries = history.of(new PatientId(Ids.parse(id, "Patient")));
    model.addAttribute("entries", entries);
    // what other modules link from a visit of this clinic: the encounter, the invoice
    var visitLinks =
        new java.util.HashMap<
            java.util.UUID, java.util.List<io.carebook.frontdesk.VisitLinks.Link>>();
    for (var e : entries) {
      if (e.here()) {
        visitLinks.put(
            e.visit().id(), links.stream().flatMap(l -> l.of(e.visit()).stream()).toList());
      }
    }
    model.addAttribute("visitLinks", visitLinks);
    return "clinical/history :: panel";
  }

  /**
   * Public: whether a printed prescription is authentic, with what a pharmacist needs to check it
   * (the patient's initials only; the full copy goes to the patient on their own channel). Unknown
   * codes say so, with a 404.
   */
  @GetMapping("/verify/rx/{code}")
  String verify(
      @PathVariable String code,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    model.addAttribute("code", code);
    java.util.Optional<Verification.Verified> found;
    try {
      found = verification.verify(code, request.getRemoteAddr());
    } catch (io.carebook.shared.web.RateLimits.Exceeded e) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      model.addAttribute("tooMany", true);
      return "clinical/verify";
    }
    if (found.isEmpty()) {
      response.setStatus(404);
    }
    model.addAttribute("verified", found.orElse(null));
    return "clinical/verify";
  }
}
