package io.carebook.identity.web;

import io.carebook.identity.members.CurrentMember;
import io.carebook.shared.ClinicId;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Makes another of the user's clinics the active one for this session. */
@Controller
class ClinicSwitcher {

  @PostMapping("/clinics/switch")
  @AllowedWhenReadOnly
  String switchTo(@RequestParam String clinicId, HttpSession session) {
    var clinic = ClinicId.of(clinicId);
    var member = CurrentMember.required();
    if (member.membershipIn(clinic).isPresent()) {
      session.setAttribute(CurrentMember.ACTIVE_CLINIC_ATTRIBUTE, clinic.toString());
    }
    return "redirect:/";
  }
}
