package io.carebook.agents.mcp;

import static io.carebook.agents.mcp.ToolSpecs.IDEMPOTENCY_KEY;
import static io.carebook.agents.mcp.ToolSpecs.SERVICE_TYPE;
import static io.carebook.agents.mcp.ToolSpecs.SLOT_ID;
import static io.carebook.agents.mcp.ToolSpecs.STARTS_AT;
import static io.carebook.agents.mcp.ToolSpecs.object;
import static io.carebook.agents.mcp.ToolSpecs.properties;
import static io.carebook.agents.mcp.ToolSpecs.string;

import io.carebook.patients.NewPatient;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.SlotTakenException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCalls;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * book_appointment and negotiate: a booking through {@code Scheduling.book}, the same use case (and
 * so the same rules, events, audit and reminders) as the calendar and {@code POST
 * /api/v1/appointments}, with the source AGENT.
 */
@Component
class BookingTools implements ToolSpecs.Tools {

  private static final String WHO_AND_WHEN =
      """
      Arguments: either slot_id (from find_availability) or both doctor_id and starts_at; \
      service_type (optional, the standard visit when omitted); the patient as patient_id (a \
      registered patient) or patient_name with patient_phone (found by name and phone, or \
      registered when new; the phone in E.164, e.g. +201001234567); idempotency_key (optional, \
      so that a retry never books twice).""";

  private static final String BOOK =
      """
      Books an appointment for a patient with a doctor of this clinic, by the clinic's booking \
      rules.
      """
          + WHO_AND_WHEN
          + """

          Example: {"slot_id": "5f0c…@2026-12-08T07:30:00Z", "patient_name": "Mona Adel", \
          "patient_phone": "+201001234567"}
          Returns the appointment {appointmentId, status, doctorId, doctorName, patientId, \
          startsAt, localDate, localTime, …}. A refusal is a tool error carrying the problem: \
          type /problems/slot-taken with policy (within-hours, on-grid, minimum-notice, horizon, \
          daily-cap, seats-left) and alternatives (slots to offer the patient instead), \
          /problems/plan-limit, or /problems/invalid-input naming each bad argument. Needs the \
          key's BOOKING permission.""";

  private static final String NEGOTIATE =
      """
      Tries the patient's wished time and books it if it is free; if it is not, books nothing \
      and answers the best options instead: the nearest free times with the same doctor and \
      other doctors free at that time. Use it when a patient names a time ("Tuesday at 10 with \
      Dr Samir"), then offer the alternatives and book the one chosen with book_appointment.
      """
          + WHO_AND_WHEN
          + """

          Example: {"doctor_id": "5f0c…", "starts_at": "2026-12-08T10:00", "patient_id": "9a1e…"}
          Returns {booked: true, appointment} or {booked: false, detail, policy, alternatives: \
          [slots with slotId]}. Other refusals (plan-limit, invalid-input) are tool errors. Needs \
          the key's BOOKING permission.""";

  /** The key is claimed in the booking's own transaction, as POST /api/v1/appointments does. */
  private static final IdempotentCalls.Claim ONCE = IdempotentCalls.Claim.IN_THE_WORKS_TRANSACTION;

  private final AgentCalls calls;
  private final Scheduling calendar;
  private final ClinicView.Reader views;

  BookingTools(AgentCalls calls, Scheduling calendar, ClinicView.Reader views) {
    this.calls = calls;
    this.calendar = calendar;
    this.views = views;
  }

  @Override
  public List<SyncToolSpecification> tools() {
    return List.of(
        ToolSpecs.tool(
            "book_appointment",
            "Book an appointment",
            BOOK,
            schema(),
            ToolSpecs.Kind.WRITES,
            args -> calls.write(Action.BOOKING, "book_appointment", args, ONCE, () -> book(args))),
        ToolSpecs.tool(
            "negotiate",
            "Book the wished time or get the best options",
            NEGOTIATE,
            schema(),
            ToolSpecs.Kind.WRITES,
            args -> calls.write(Action.BOOKING, "negotiate", args, ONCE, () -> negotiate(args))));
  }

  private static Map<String, Object> schema() {
    return object(
        properties(
            "slot_id",
            SLOT_ID,
            "doctor_id",
            string("The doctor's id, with starts_at (instead of slot_id).", "uuid"),
            "starts_at",
            STARTS_AT,
            "service_type",
            SERVICE_TYPE,
            "patient_id",
            string("A registered patient's id.", "uuid"),
            "patient_name",
            string("The patient's full name, when there is no patient_id."),
            "patient_phone",
            string("The patient's phone in E.164 (+201001234567), with patient_name."),
            "idempotency_key",
            IDEMPOTENCY_KEY));
  }

  private Map<String, Object> book(Arguments args) {
    var view = views.current();
    var appointment = calendar.book(request(args, view));
    return view.appointment(appointment);
  }

  private Map<String, Object> negotiate(Arguments args) {
    var view = views.current();
    var request = request(args, view);
    var result = new LinkedHashMap<String, Object>();
    try {
      result.put("booked", true);
      result.put("appointment", view.appointment(calendar.book(request)));
    } catch (SlotTakenException taken) {
      result.put("booked", false);
      result.put("detail", taken.getMessage());
      result.put("policy", taken.properties().getOrDefault("policy", "seats-left"));
      result.put("alternatives", calls.alternatives(taken));
    }
    return result;
  }

  /** The booking the arguments ask for; refuses them all at once when some are wrong. */
  static NewAppointment request(Arguments args, ClinicView view) {
    var slot = args.slot("slot_id");
    var doctor = args.id("doctor_id");
    var startsAt = args.time("starts_at", view.zone());
    var serviceType = args.text("service_type");
    var patientId = args.id("patient_id");
    var name = args.text("patient_name");
    var phone = args.text("patient_phone");
    if (slot == null && (doctor == null || startsAt == null)) {
      args.invalid("slot_id", "give slot_id, or both doctor_id and starts_at");
    }
    if (patientId == null && name == null) {
      args.invalid("patient_id", "give patient_id, or patient_name (and patient_phone)");
    }
    args.check();
    return new NewAppointment(
        slot != null ? slot.doctor() : new UserId(java.util.Objects.requireNonNull(doctor)),
        slot != null ? slot.startsAt() : java.util.Objects.requireNonNull(startsAt),
        serviceType == null ? "" : serviceType,
        patientId,
        patientId != null
            ? null
            : new NewPatient(java.util.Objects.requireNonNull(name), phone, null, null),
        "AGENT");
  }
}
