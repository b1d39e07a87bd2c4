package io.carebook.agents.mcp;

import static io.carebook.agents.mcp.ToolSpecs.APPOINTMENT_ID;
import static io.carebook.agents.mcp.ToolSpecs.IDEMPOTENCY_KEY;
import static io.carebook.agents.mcp.ToolSpecs.object;
import static io.carebook.agents.mcp.ToolSpecs.oneOf;
import static io.carebook.agents.mcp.ToolSpecs.properties;

import io.carebook.frontdesk.CheckIn;
import io.carebook.frontdesk.Priority;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCalls;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * check_in_patient: the patient of a booked appointment has arrived (the front desk's check-in).
 */
@Component
class CheckInPatient implements ToolSpecs.Tools {

  private static final String DESCRIPTION =
      """
      Checks in the patient of a booked appointment who has arrived at the clinic (a kiosk, a \
      receptionist's assistant): the appointment becomes a visit waiting in today's queue, with \
      the day's token number to tell the patient.
      Arguments: appointment_id; priority (optional: NONE by default, EMERGENCY, ELDERLY or \
      FOLLOW_UP, which go ahead in the queue in that order); idempotency_key (optional, so that \
      a retry checks in once).
      Example: {"appointment_id": "9a1e…", "priority": "ELDERLY"}
      Returns {visitId, token, tokenDay, state, priority, appointmentId, patientId}. Refusals: \
      /problems/already-checked-in, /problems/appointment-closed, /problems/not-found. Needs the \
      key's CHECK_IN permission.""";

  private final AgentCalls calls;
  private final CheckIn checkIn;

  CheckInPatient(AgentCalls calls, CheckIn checkIn) {
    this.calls = calls;
    this.checkIn = checkIn;
  }

  @Override
  public List<SyncToolSpecification> tools() {
    var priorities = Arrays.stream(Priority.values()).map(Priority::name).toArray(String[]::new);
    return List.of(
        ToolSpecs.tool(
            "check_in_patient",
            "Check a patient in",
            DESCRIPTION,
            object(
                properties(
                    "appointment_id",
                    APPOINTMENT_ID,
                    "priority",
                    oneOf("Who goes ahead in the queue (default NONE).", priorities),
                    "idempotency_key",
                    IDEMPOTENCY_KEY),
                "appointment_id"),
            ToolSpecs.Kind.WRITES,
            args ->
                calls.write(
                    Action.CHECK_IN,
                    "check_in_patient",
                    args,
                    // claimed in the check-in's own transaction, as POST /api/v1/visits does
                    IdempotentCalls.Claim.IN_THE_WORKS_TRANSACTION,
                    () -> checkIn(args))));
  }

  private Map<String, Object> checkIn(Arguments args) {
    var id = args.requiredId("appointment_id");
    var priority =
        args.oneOf(
            "priority",
            Priority.NONE.name(),
            Arrays.stream(Priority.values()).map(Priority::name).toList());
    args.check();
    var appointment = Objects.requireNonNull(id);
    var visit = checkIn.checkIn(appointment, Priority.valueOf(priority));
    var result = new LinkedHashMap<String, Object>();
    result.put("visitId", visit.id().toString());
    result.put("token", visit.token());
    result.put("tokenDay", visit.tokenDay().toString());
    result.put("state", visit.state().name());
    result.put("priority", visit.priority().name());
    result.put("appointmentId", appointment.toString());
    result.put("patientId", visit.patientId().toString());
    return result;
  }
}
