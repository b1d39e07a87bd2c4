package io.carebook.identity.web;

import io.carebook.identity.apikeys.ApiKeys;
import io.carebook.identity.members.CurrentMember;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.web.CursorPage;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "API keys",
    description =
        "Keys for integrations and AI agents: send one as 'X-API-Key: cbk_…'. A key acts in one"
            + " clinic with the actions it was given; its writes are audited as an agent's.")
class ApiKeysApi {

  private final ApiKeys keys;
  private final Permissions permissions;

  ApiKeysApi(ApiKeys keys, Permissions permissions) {
    this.keys = keys;
    this.permissions = permissions;
  }

  record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty Set<Action> actions) {}

  @PostMapping("/api/v1/api-keys")
  @IdempotentCreate
  @Operation(
      summary = "Create an API key for the active clinic (needs SETTINGS_MANAGE; a person only)",
      description =
          "The answer carries the secret, once (a retry with the same Idempotency-Key answers it"
              + " again; the kept answer is sealed with the organization's data key). Grantable actions: PATIENT_VIEW,"
              + " PATIENT_REGISTER, PATIENT_EDIT, BOOKING, CHECK_IN, REPORTS_VIEW, and CHART_READ"
              + " (the charts:read scope: notes, prescriptions, allergies, medications, documents),"
              + " which seeing patients never implies. Each is also judged as for the key's"
              + " creator, visit state included; the key stops working (401"
              + " /problems/api-key-lapsed) once its creator leaves the clinic, is suspended or"
              + " may no longer take one of its actions.")
  ResponseEntity<ApiKeys.Created> create(@Valid @RequestBody NewKey body) {
    CurrentMember.required();
    permissions.require(Action.SETTINGS_MANAGE);
    var created = keys.create(body.name(), EnumSet.copyOf(body.actions()));
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/api-keys")
  @Operation(
      summary = "The active clinic's API keys, without their secrets (needs SETTINGS_MANAGE)")
  CursorPage<ApiKeys.Key> list(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.SETTINGS_MANAGE);
    return CursorPage.wholeUnlessLimited(keys.ofActiveClinic(), limit, cursor, ApiKeys.Key::id);
  }

  @PostMapping("/api/v1/api-keys/{id}/revoke")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke an API key: it stops working at once (needs SETTINGS_MANAGE)")
  void revoke(@PathVariable String id) {
    permissions.require(Action.SETTINGS_MANAGE);
    try {
      keys.revoke(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("API key");
    }
  }
}
