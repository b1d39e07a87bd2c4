package io.carebook.identity.web;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.identity.invitations.Invitations;
import io.carebook.shared.Ids;
import io.carebook.shared.UserId;
import io.carebook.shared.web.CursorPage;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff", description = "The clinic's team: members, roles and invitations")
class StaffApi {

  private final Staff staff;
  private final Invitations invitations;
  private final Permissions permissions;

  StaffApi(Staff staff, Invitations invitations, Permissions permissions) {
    this.staff = staff;
    this.invitations = invitations;
    this.permissions = permissions;
  }

  @GetMapping("/api/v1/staff")
  @Operation(summary = "The active clinic's members (needs STAFF_MANAGE)")
  CursorPage<Staff.Member> members(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.STAFF_MANAGE);
    return CursorPage.wholeUnlessLimited(staff.members(), limit, cursor, m -> m.userId().value());
  }

  record Invite(@NotBlank @Email String email, @NotEmpty Set<Role> roles) {}

  record Invited(String id) {}

  @PostMapping("/api/v1/invitations")
  @Operation(
      summary = "Invite a person to the active clinic with roles (needs STAFF_MANAGE)",
      description =
          "The invitation link goes out by e-mail and works once for 7 days. Only an owner may"
              + " invite an owner or a manager.")
  ResponseEntity<Invited> invite(@Valid @RequestBody Invite body) {
    permissions.require(Action.STAFF_MANAGE);
    var id = invitations.invite(body.email(), EnumSet.copyOf(body.roles()));
    return ResponseEntity.created(URI.create("/api/v1/invitations/" + id))
        .body(new Invited(id.toString()));
  }

  @GetMapping("/api/v1/invitations")
  @Operation(summary = "The active clinic's pending invitations (needs STAFF_MANAGE)")
  CursorPage<Invitations.Pending> pending(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.STAFF_MANAGE);
    return CursorPage.wholeUnlessLimited(
        invitations.pendingHere(), limit, cursor, Invitations.Pending::id);
  }

  @PostMapping("/api/v1/invitations/{id}/revoke")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a pending invitation; its link stops working (needs STAFF_MANAGE)")
  void revoke(@PathVariable String id) {
    permissions.require(Action.STAFF_MANAGE);
    invitations.revoke(Ids.parse(id, "Invitation"));
  }

  record Acceptance(@NotBlank String token, @Nullable String name, @Nullable String password) {}

  @PostMapping("/api/v1/invitations/accept")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @AllowedWhenReadOnly
  @Operation(
      summary = "Accept an invitation with the token from its link (public)",
      description =
          "With no account for the invited e-mail, give a name and a new password, then sign in"
              + " with POST /api/v1/tokens. With one, sign in as it first and send this with its"
              + " access token (no password): otherwise 401 /problems/sign-in-required, or 403"
              + " /problems/wrong-account when signed in as somebody else.")
  void accept(@Valid @RequestBody Acceptance body) {
    invitations.accept(
        body.token(), body.name(), body.password(), LocaleContextHolder.getLocale().getLanguage());
  }

  @PostMapping("/api/v1/staff/{userId}/suspend")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Suspend a member: access ends at their next request (needs STAFF_MANAGE)")
  void suspend(@PathVariable String userId) {
    permissions.require(Action.STAFF_MANAGE);
    staff.suspend(new UserId(Ids.parse(userId, "Member")));
  }

  @PostMapping("/api/v1/staff/{userId}/reactivate")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Reactivate a suspended member (needs STAFF_MANAGE)")
  void reactivate(@PathVariable String userId) {
    permissions.require(Action.STAFF_MANAGE);
    staff.reactivate(new UserId(Ids.parse(userId, "Member")));
  }

  @DeleteMapping("/api/v1/staff/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a member from the clinic (needs STAFF_MANAGE)")
  void remove(@PathVariable String userId) {
    permissions.require(Action.STAFF_MANAGE);
    staff.remove(new UserId(Ids.parse(userId, "Member")));
  }
}
