package io.carebook.identity.web;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.identity.invitations.Invitations;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.carebook.tenancy.Permissions;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team page, and the page behind an invitation link. */
@Controller
class StaffPages {

  private final Staff staff;
  private final Invitations invitations;
  private final Permissions permissions;
  private final io.carebook.identity.DoctorProfiles doctors;
  private final io.carebook.tenancy.Organizations organizations;

  StaffPages(
      Staff staff,
      Invitations invitations,
      Permissions permissions,
      io.carebook.identity.DoctorProfiles doctors,
      io.carebook.tenancy.Organizations organizations) {
    this.staff = staff;
    this.invitations = invitations;
    this.permissions = permissions;
    this.doctors = doctors;
    this.organizations = organizations;
  }

  @GetMapping("/staff")
  String team(Model model) {
    permissions.require(Action.STAFF_MANAGE);
    model.addAttribute("members", staff.members());
    model.addAttribute("pending", invitations.pendingHere());
    model.addAttribute("doctors", doctors.ofActiveClinic());
    model.addAttribute("roles", Role.values());
    return "identity/staff";
  }

  @PostMapping("/staff/invitations")
  String invite(
      @RequestParam String email,
      @RequestParam(required = false) List<Role> roles,
      RedirectAttributes redirect) {
    permissions.require(Action.STAFF_MANAGE);
    try {
      invitations.invite(email, roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
      redirect.addFlashAttribute("invited", email);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/staff";
  }

  @PostMapping("/staff/invitations/{id}/revoke")
  String revoke(@PathVariable UUID id) {
    permissions.require(Action.STAFF_MANAGE);
    invitations.revoke(id);
    return "redirect:/staff";
  }

  @PostMapping("/staff/{userId}/{change}")
  String change(
      @PathVariable UUID userId, @PathVariable String change, RedirectAttributes redirect) {
    permissions.require(Action.STAFF_MANAGE);
    var user = new UserId(userId);
    try {
      switch (change) {
        case "suspend" -> staff.suspend(user);
        case "reactivate" -> staff.reactivate(user);
        case "remove" -> staff.remove(user);
        default -> throw new io.carebook.shared.NotFoundException("Page");
      }
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/staff";
  }

  @GetMapping("/staff/doctors/{userId}")
  String doctor(@PathVariable UUID userId, Model model) {
    permissions.require(Action.STAFF_MANAGE);
    model.addAttribute("profile", doctors.of(new UserId(userId)));
    return "identity/doctor-profile";
  }

  @PostMapping("/staff/doctors/{userId}")
  String saveDoctor(
      @PathVariable UUID userId,
      @RequestParam(required = false) String specialty,
      @RequestParam(required = false) String licenceNumber,
      @RequestParam(required = false) java.math.BigDecimal consultationFee,
      @RequestParam(required = false) String languages,
      Model model) {
    permissions.require(Action.STAFF_MANAGE);
    var currency = organizations.activeClinic().currency();
    try {
      doctors.write(
          new io.carebook.identity.DoctorProfiles.Profile(
              new UserId(userId),
              "",
              specialty,
              licenceNumber,
              consultationFee,
              consultationFee == null ? null : currency,
              languages == null ? List.of() : List.of(languages.split("\\s*,\\s*"))));
      return "redirect:/staff";
    } catch (ProblemException e) {
      model.addAttribute("profile", doctors.of(new UserId(userId)));
      model.addAttribute("problem", e.kind());
      return "identity/doctor-profile";
    }
  }

  /**
   * The invitation behind a link. An existing account is asked to sign in first: the same page at
   * {@code /invitations/join} needs a signed-in session, and signing in comes back to it.
   */
  @GetMapping({"/invitations/accept", "/invitations/join"})
  String invitation(@RequestParam String token, Model model) {
    return invitationPage(token, model);
  }

  @PostMapping({"/invitations/accept", "/invitations/join"})
  @AllowedWhenReadOnly
  String accept(
      @RequestParam String token,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String password,
      Model model) {
    var signedIn = invitations.signedInEmail().isPresent();
    try {
      invitations.accept(token, name, password, LocaleContextHolder.getLocale().getLanguage());
      return signedIn ? "redirect:/" : "redirect:/signin?joined";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.kind());
      model.addAttribute("name", name);
      return invitationPage(token, model);
    }
  }

  private String invitationPage(String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("invitation", invitations.byToken(token).orElse(null));
    model.addAttribute("signedInAs", invitations.signedInEmail().orElse(null));
    return "identity/invitation";
  }
}
