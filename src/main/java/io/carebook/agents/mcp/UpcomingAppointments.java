package io.carebook.agents.mcp;

import static io.carebook.agents.mcp.ToolSpecs.object;
import static io.carebook.agents.mcp.ToolSpecs.properties;
import static io.carebook.agents.mcp.ToolSpecs.string;

import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.PatientAppointments;
import io.carebook.tenancy.Action;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** upcoming_appointments: a patient's booked appointments to come, by patient id or phone. */
@Component
class UpcomingAppointments implements ToolSpecs.Tools {

  /** A phone may be a family's: at most this many of its patients are answered. */
  private static final int PATIENTS_PER_PHONE = 5;

  private static final int APPOINTMENTS_PER_PATIENT = 10;

  private static final String DESCRIPTION =
      """
      Lists a patient's booked appointments still to come at this clinic, soonest first \
      ("when is my appointment?"), to confirm, move or cancel them.
      Arguments: patient_id, or phone (the patient's phone in E.164, e.g. +201001234567, or as \
      the patient typed it). A phone may be shared by a family: every patient registered with it \
      is answered (at most 5), each with their appointments.
      Example: {"phone": "+201001234567"}
      Returns {patients: [{patientId, fullName, appointments: [{appointmentId, doctorName, \
      startsAt, localDate, localTime, serviceType, confirmed, …}]}]}; an unknown phone gives no \
      patients. Needs the key's PATIENT_VIEW permission.""";

  private final AgentCalls calls;
  private final PatientDirectory patients;
  private final PatientAppointments appointments;
  private final ClinicView.Reader views;

  UpcomingAppointments(
      AgentCalls calls,
      PatientDirectory patients,
      PatientAppointments appointments,
      ClinicView.Reader views) {
    this.calls = calls;
    this.patients = patients;
    this.appointments = appointments;
    this.views = views;
  }

  @Override
  public List<SyncToolSpecification> tools() {
    return List.of(
        ToolSpecs.tool(
            "upcoming_appointments",
            "A patient's upcoming appointments",
            DESCRIPTION,
            object(
                properties(
                    "patient_id",
                    string("A registered patient's id.", "uuid"),
                    "phone",
                    string("The patient's phone, when there is no patient_id."))),
            ToolSpecs.Kind.READS,
            args -> calls.read(Action.PATIENT_VIEW, () -> upcoming(args))));
  }

  private Map<String, Object> upcoming(Arguments args) {
    var patientId = args.id("patient_id");
    var phone = args.text("phone");
    if (patientId == null && phone == null) {
      args.invalid("patient_id", "give patient_id or phone");
    }
    args.check();
    var found =
        patientId != null
            ? List.of(patients.get(new Patient.PatientId(patientId)))
            : patients.sharingPhone(java.util.Objects.requireNonNull(phone)).stream()
                .limit(PATIENTS_PER_PHONE)
                .toList();
    var view = views.current();
    var answered =
        found.stream()
            .map(
                patient -> {
                  var entry = new LinkedHashMap<String, Object>();
                  entry.put("patientId", patient.id().value().toString());
                  entry.put("fullName", patient.fullName());
                  entry.put(
                      "appointments",
                      view.appointments(
                          appointments.upcoming(patient.id().value(), APPOINTMENTS_PER_PATIENT)));
                  return (Map<String, Object>) entry;
                })
            .toList();
    return Map.of("patients", answered);
  }
}
