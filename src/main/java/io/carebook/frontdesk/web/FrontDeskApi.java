package io.carebook.frontdesk.web;

import io.carebook.frontdesk.CheckIn;
import io.carebook.frontdesk.DeskBoard;
import io.carebook.frontdesk.DeskSettings;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.TokenScope;
import io.carebook.frontdesk.Transition;
import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitMoves;
import io.carebook.frontdesk.WaitingRoom;
import io.carebook.patients.NewPatient;
import io.carebook.shared.Ids;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitId;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Front desk",
    description =
        "Visits of the active clinic today: check-in of walk-ins and booked appointments with the"
            + " day's token, the queue, and the visit's moves WAITING → WITH_ASSISTANT →"
            + " WITH_DOCTOR → DONE, or CANCELED / NO_SHOW.")
class FrontDeskApi {

  private final FrontDesk frontDesk;
  private final CheckIn checkIn;
  private final VisitMoves moves;
  private final DeskBoard board;
  private final WaitingRoom waitingRoom;
  private final DeskSettings deskSettings;

  FrontDeskApi(
      FrontDesk frontDesk,
      CheckIn checkIn,
      VisitMoves moves,
      DeskBoard board,
      WaitingRoom waitingRoom,
      DeskSettings deskSettings) {
    this.frontDesk = frontDesk;
    this.checkIn = checkIn;
    this.moves = moves;
    this.board = board;
    this.waitingRoom = waitingRoom;
    this.deskSettings = deskSettings;
  }

  record PatientDetails(@NotBlank String fullName, @Nullable String phone) {}

  @Schema(name = "CheckIn") // the request body, not the front desk's use case
  record CheckInBody(
      @Nullable String appointmentId,
      @Nullable String patientId,
      @Nullable @Valid PatientDetails patient,
      @Nullable String doctorId,
      @Nullable String priority) {}

  @PostMapping("/api/v1/visits")
  @Operation(
      summary = "Check a patient in and issue the day's token (needs CHECK_IN)",
      description =
          "Give an appointmentId (a booked appointment of the active clinic), or a walk-in: a"
              + " patientId or the patient's name and phone to find or register them, and"
              + " optionally a doctorId. priority: NONE (default), EMERGENCY, ELDERLY or"
              + " FOLLOW_UP. Refused while the clinic is read-only.")
  @IdempotentCreate
  ResponseEntity<Visit> checkIn(@Valid @RequestBody CheckInBody body) {
    var priority = priority(body.priority());
    Visit visit;
    if (body.appointmentId() != null && !body.appointmentId().isBlank()) {
      visit = checkIn.checkIn(Ids.parse(body.appointmentId(), "Appointment"), priority);
    } else {
      visit =
          checkIn.checkIn(
              new CheckIn.WalkIn(
                  body.patientId() == null ? null : Ids.parse(body.patientId(), "Patient"),
                  body.patient() == null
                      ? null
                      : new NewPatient(
                          body.patient().fullName(), body.patient().phone(), null, null),
                  body.doctorId() == null || body.doctorId().isBlank()
                      ? null
                      : new UserId(Ids.parse(body.doctorId(), "Doctor")),
                  priority));
    }
    return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.id())).body(visit);
  }

  @GetMapping("/api/v1/visits")
  @Operation(
      summary = "Today's queue of the active clinic",
      description =
          "Visits under way in queue order: priority (EMERGENCY, ELDERLY, FOLLOW_UP, none), then"
              + " token. One doctor's with doctorId; with all=true, the day's closed visits too.")
  Map<String, Object> queue(
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(defaultValue = "false") boolean all) {
    var doctor =
        doctorId == null || doctorId.isBlank() ? null : new UserId(Ids.parse(doctorId, "Doctor"));
    var waits = new java.util.TreeMap<UUID, Long>();
    board.estimatedWaits().forEach((visit, wait) -> waits.put(visit, wait.toMinutes()));
    return Map.of(
        "day",
        board.today(),
        "items",
        board.queue(doctor, all),
        "estimatedWaitMinutes",
        waits,
        "expected",
        board.expected(doctor));
  }

  record CallNext(@Nullable String doctorId) {}

  @PostMapping("/api/v1/visits/call-next")
  @FinishesTodaysVisits
  @Operation(
      summary = "The doctor calls the next patient in",
      description =
          "Moves the first visit in queue order that is the doctor's or for any doctor (then"
              + " given to them), waiting or with the assistant, to WITH_DOCTOR. doctorId defaults"
              + " to the caller. 409 /problems/queue-empty when nobody is waiting.")
  Visit callNext(@RequestBody(required = false) @Nullable CallNext body) {
    var doctor =
        body == null || body.doctorId() == null || body.doctorId().isBlank()
            ? TenantContext.current()
                .map(TenantContext.Scope::user)
                .orElseThrow(() -> ProblemException.invalid("doctorId", "is required"))
            : new UserId(Ids.parse(body.doctorId(), "Doctor"));
    return moves.callNext(doctor);
  }

  record VisitWithHistory(Visit visit, List<FrontDesk.Step> history) {}

  @GetMapping("/api/v1/visits/{id}")
  @Operation(summary = "A visit of the active clinic and its moves")
  ResponseEntity<VisitWithHistory> visit(@PathVariable String id) {
    var visitId = Ids.parse(id, "Visit");
    var visit = frontDesk.get(new VisitId(visitId));
    return ResponseEntity.ok()
        .eTag(ETags.of(visit.version()))
        .body(new VisitWithHistory(visit, frontDesk.history(visitId)));
  }

  @Schema(name = "VisitMove") // not the appointments' reschedule body, in the OpenAPI document
  record Move(@Nullable String reason) {}

  @PostMapping("/api/v1/visits/{id}/{transition}")
  @FinishesTodaysVisits
  @Operation(
      summary = "Move a visit: start-assistant, start-doctor, complete, cancel or no-show",
      description =
          "Who may take each step in which state follows the permission matrix (403 otherwise);"
              + " a step that does not leave the visit's state answers 409"
              + " /problems/invalid-transition. cancel needs a reason.")
  Visit move(
      @PathVariable String id,
      @PathVariable String transition,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) @Nullable Move body) {
    var step = Transition.ofPath(transition).orElseThrow(() -> new NotFoundException("Step"));
    ETags.checkIfSent(ifMatch, () -> frontDesk.get(new VisitId(Ids.parse(id, "Visit"))).version());
    return moves.move(Ids.parse(id, "Visit"), step, body == null ? null : body.reason());
  }

  /**
   * @param tokenScope tokens counted per CLINIC or per DOCTOR
   * @param displayFirstNames whether the waiting-room screen shows first names (unchanged if null)
   */
  record Settings(@NotNull TokenScope tokenScope, @Nullable Boolean displayFirstNames) {}

  @GetMapping("/api/v1/front-desk/settings")
  @Operation(
      summary =
          "The active clinic's front desk settings: tokens per CLINIC or per DOCTOR, and whether"
              + " the waiting-room screen shows first names")
  ResponseEntity<Settings> settings() {
    return ResponseEntity.ok()
        .eTag(ETags.of(deskSettings.version()))
        .body(new Settings(checkIn.tokenScope(), waitingRoom.firstNames()));
  }

  @PutMapping("/api/v1/front-desk/settings")
  @Operation(
      summary = "Set the front desk settings (needs SETTINGS_MANAGE)",
      description =
          "If-Match (optional) with the ETag of the GET refuses a stale write (412); without it"
              + " the change is applied.")
  ResponseEntity<Settings> setSettings(
      @Valid @RequestBody Settings body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    deskSettings.save(body.tokenScope(), body.displayFirstNames(), ETags.sent(ifMatch));
    return settings();
  }

  record ScreenLink(String path) {}

  @PostMapping("/api/v1/front-desk/screen-link")
  @Operation(
      summary = "A new private link to the waiting-room screen (needs SETTINGS_MANAGE)",
      description =
          "The screen at this path needs no sign-in; a new link replaces the previous one.")
  ResponseEntity<ScreenLink> screenLink() {
    return ResponseEntity.status(201).body(new ScreenLink(waitingRoom.newLink()));
  }

  private static Priority priority(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return Priority.NONE;
    }
    try {
      return Priority.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("priority", "must be NONE, EMERGENCY, ELDERLY or FOLLOW_UP");
    }
  }
}
