package io.carebook.scheduling.web;

import io.carebook.patients.NewPatient;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.Waitlist;
import io.carebook.shared.Ids;
import io.carebook.shared.UserId;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Waitlist", description = "Patients waiting for a freed slot with a doctor")
class WaitlistApi {

  private final Waitlist waitlist;
  private final Permissions permissions;

  WaitlistApi(Waitlist waitlist, Permissions permissions) {
    this.waitlist = waitlist;
    this.permissions = permissions;
  }

  record Joining(
      @NotBlank String doctorId,
      @NotNull Instant from,
      @NotNull Instant to,
      @Nullable String patientId,
      @Nullable String fullName,
      @Nullable String phone,
      @Nullable String serviceType) {}

  @PostMapping("/api/v1/waitlist")
  @Operation(
      summary =
          "Put a patient on the waitlist for a doctor (and a service type) between two instants"
              + " (needs BOOKING)",
      description =
          "When a slot in the window frees up, the first in line is offered it; the offer holds"
              + " the slot for the clinic's offer time (30 minutes by default), then passes on.")
  @IdempotentCreate
  ResponseEntity<Waitlist.Entry> join(@Valid @RequestBody Joining body) {
    permissions.require(Action.BOOKING);
    var entry =
        waitlist.join(
            new UserId(Ids.parse(body.doctorId(), "Doctor")),
            body.serviceType() == null ? "" : body.serviceType(),
            body.patientId() == null ? null : Ids.parse(body.patientId(), "Patient"),
            body.fullName() == null
                ? null
                : new NewPatient(body.fullName(), body.phone(), null, null),
            body.from(),
            body.to());
    return ResponseEntity.created(URI.create("/api/v1/waitlist/" + entry.id())).body(entry);
  }

  @GetMapping("/api/v1/waitlist")
  @Operation(summary = "Who waits at the active clinic, and the offers they hold")
  CursorPage<Waitlist.Entry> entries(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.BOOKING);
    if (CursorPage.askedWhole(limit, cursor)) {
      return CursorPage.whole(waitlist.ofActiveClinic());
    }
    return waitlist.ofActiveClinic(CursorPage.limitOrDefault(limit), Keyset.after(cursor));
  }

  @PostMapping("/api/v1/waitlist/{id}/accept")
  @Operation(summary = "Accept an open offer: it becomes an appointment (needs BOOKING)")
  Appointment accept(@PathVariable String id) {
    permissions.require(Action.BOOKING);
    return waitlist.accept(Ids.parse(id, "Waitlist entry"));
  }
}
