package io.carebook.conversations.web;

import io.carebook.conversations.Author;
import io.carebook.conversations.Conversations;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * When negotiating finds nothing that fits ({@code POST /api/v1/appointments/negotiate} answered
 * only alternatives the patient refused), an agent hands the request to a person: it waits in the
 * clinic's inbox with the agent's summary, written as the agent's (the API key's id) or, with a
 * person's token, as theirs.
 */
@RestController
class HandoffApi {

  private final Conversations conversations;
  private final Permissions permissions;
  private final PatientDirectory patients;

  HandoffApi(Conversations conversations, Permissions permissions, PatientDirectory patients) {
    this.conversations = conversations;
    this.permissions = permissions;
    this.patients = patients;
  }

  @Schema(name = "Handoff")
  record Handoff(
      @Schema(example = "+201001234567") @NotBlank String phone,
      @Schema(example = "0b9f3a52-6c1e-4d0a-9a57-1f6f4a3b2c10") @Nullable UUID patientId,
      @Schema(example = "Wants Dr Hana on a Saturday morning; none of the offered times suit.")
          @NotBlank
          @Size(max = 1000)
          String summary) {}

  @Schema(name = "HandoffCreated")
  record Created(UUID conversationId, String state) {}

  @PostMapping("/api/v1/handoffs")
  @IdempotentCreate
  @Operation(
      summary = "Ask a person to take over a booking request (needs BOOKING)",
      description =
          "For agents when nothing negotiated fits: the patient's phone gets a conversation in the"
              + " clinic's staff inbox, waiting for a person, with the summary as its first line."
              + " Nothing is sent to the patient.")
  ResponseEntity<Created> handOff(@Valid @RequestBody Handoff body) {
    permissions.require(Action.BOOKING);
    if (body.patientId() != null && patients.names(List.of(body.patientId())).isEmpty()) {
      throw new NotFoundException("Patient"); // another organization's, or none
    }
    var scope = TenantContext.current().orElseThrow();
    var agent = scope.actor() == io.carebook.tenancy.ActorType.AGENT;
    var id =
        conversations.openForRequest(
            TenantContext.clinic(),
            body.phone(),
            body.patientId() == null ? null : new PatientId(body.patientId()),
            body.summary(),
            agent ? Author.AGENT : Author.PERSON,
            scope.user() == null ? null : scope.user().value());
    return ResponseEntity.created(URI.create("/inbox/" + id))
        .body(new Created(id.value(), "WAITING"));
  }
}
