package io.carebook.agents.mcp;

import static io.carebook.agents.mcp.ToolSpecs.APPOINTMENT_ID;
import static io.carebook.agents.mcp.ToolSpecs.IDEMPOTENCY_KEY;
import static io.carebook.agents.mcp.ToolSpecs.SLOT_ID;
import static io.carebook.agents.mcp.ToolSpecs.STARTS_AT;
import static io.carebook.agents.mcp.ToolSpecs.object;
import static io.carebook.agents.mcp.ToolSpecs.properties;
import static io.carebook.agents.mcp.ToolSpecs.string;

import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCalls;
import io.carebook.tenancy.TenantContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** move_appointment, cancel_appointment and confirm_appointment, as the REST API does them. */
@Component
class AppointmentChanges implements ToolSpecs.Tools {

  private static final String MOVE =
      """
      Moves a booked appointment to another time with the same doctor, by the same booking rules \
      as a new booking; the old time is freed only if the new one is taken.
      Arguments: appointment_id; and slot_id (from find_availability with this appointment's \
      doctor) or starts_at; idempotency_key (optional, so that a retry moves once).
      Example: {"appointment_id": "9a1e…", "starts_at": "2026-12-09T11:15"}
      Returns the moved appointment. A refusal is a tool error: /problems/slot-taken with policy \
      and alternatives, /problems/appointment-closed (cancelled or past), /problems/not-found. \
      Needs the key's BOOKING permission.""";

  private static final String CANCEL =
      """
      Cancels a booked appointment; its time is freed at once and the patient is told by the \
      clinic's usual messages. Cannot be undone: book again if the patient changes their mind.
      Arguments: appointment_id; reason (required, short, e.g. "Patient asked by chat"); \
      idempotency_key (optional).
      Example: {"appointment_id": "9a1e…", "reason": "Patient is travelling"}
      Returns the cancelled appointment. Needs the key's BOOKING permission.""";

  private static final String CONFIRM =
      """
      Records that the patient confirmed they will come (the calendar shows it).
      Arguments: appointment_id; idempotency_key (optional).
      Example: {"appointment_id": "9a1e…"}
      Returns the appointment with confirmed true. Needs the key's BOOKING permission.""";

  /**
   * The key is claimed in transactions of its own around the change, as the API does for these
   * (they are no creates).
   */
  private static final IdempotentCalls.Claim ONCE = IdempotentCalls.Claim.BEFORE_AND_AFTER;

  private final AgentCalls calls;
  private final Scheduling calendar;
  private final ClinicView.Reader views;

  AppointmentChanges(AgentCalls calls, Scheduling calendar, ClinicView.Reader views) {
    this.calls = calls;
    this.calendar = calendar;
    this.views = views;
  }

  @Override
  public List<SyncToolSpecification> tools() {
    return List.of(
        ToolSpecs.tool(
            "move_appointment",
            "Move an appointment",
            MOVE,
            object(
                properties(
                    "appointment_id",
                    APPOINTMENT_ID,
                    "slot_id",
                    SLOT_ID,
                    "starts_at",
                    STARTS_AT,
                    "idempotency_key",
                    IDEMPOTENCY_KEY),
                "appointment_id"),
            ToolSpecs.Kind.WRITES,
            args -> calls.write(Action.BOOKING, "move_appointment", args, ONCE, () -> move(args))),
        ToolSpecs.tool(
            "cancel_appointment",
            "Cancel an appointment",
            CANCEL,
            object(
                properties(
                    "appointment_id",
                    APPOINTMENT_ID,
                    "reason",
                    string("Why, in a few words; kept with the appointment."),
                    "idempotency_key",
                    IDEMPOTENCY_KEY),
                "appointment_id",
                "reason"),
            ToolSpecs.Kind.DESTROYS,
            args ->
                calls.write(Action.BOOKING, "cancel_appointment", args, ONCE, () -> cancel(args))),
        ToolSpecs.tool(
            "confirm_appointment",
            "Confirm an appointment",
            CONFIRM,
            object(
                properties("appointment_id", APPOINTMENT_ID, "idempotency_key", IDEMPOTENCY_KEY),
                "appointment_id"),
            ToolSpecs.Kind.WRITES,
            args ->
                calls.write(
                    Action.BOOKING, "confirm_appointment", args, ONCE, () -> confirm(args))));
  }

  private Map<String, Object> move(Arguments args) {
    var view = views.current();
    var id = args.requiredId("appointment_id");
    var slot = args.slot("slot_id");
    var startsAt = args.time("starts_at", view.zone());
    if (slot == null && startsAt == null) {
      args.invalid("starts_at", "give starts_at or slot_id");
    }
    args.check();
    var appointment = ownAppointment(Objects.requireNonNull(id));
    if (slot != null && !slot.doctor().equals(appointment.doctorId())) {
      args.invalid("slot_id", "is another doctor's time; an appointment moves with its doctor");
      args.check();
    }
    var moved =
        calendar.reschedule(
            appointment.id(), slot != null ? slot.startsAt() : Objects.requireNonNull(startsAt));
    return view.appointment(moved);
  }

  private Map<String, Object> cancel(Arguments args) {
    var id = args.requiredId("appointment_id");
    var reason = args.required("reason");
    args.check();
    return views
        .current()
        .appointment(
            calendar.cancel(
                ownAppointment(Objects.requireNonNull(id)).id(), Objects.requireNonNull(reason)));
  }

  private Map<String, Object> confirm(Arguments args) {
    var id = args.requiredId("appointment_id");
    args.check();
    return views
        .current()
        .appointment(calendar.confirm(ownAppointment(Objects.requireNonNull(id)).id()));
  }

  /**
   * An appointment of the key's clinic: another clinic's, even of the same organization, is not
   * found, as a key acts in one clinic.
   */
  private Appointment ownAppointment(UUID id) {
    var appointment = calendar.get(id);
    if (!appointment.clinicId().equals(TenantContext.clinic())) {
      throw new NotFoundException("Appointment");
    }
    return appointment;
  }
}
