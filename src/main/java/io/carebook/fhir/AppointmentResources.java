package io.carebook.fhir;

import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Appointments of the organization (PATIENT_VIEW, as scheduling's API). Our statuses are FHIR's
 * already; a patient's confirmation (they said they will come) keeps the appointment {@code booked}
 * and shows as the patient participant's {@code accepted}, else {@code needs-action}.
 */
@Component
class AppointmentResources implements ResourceType {

  /** The service type's text of an appointment booked without one. */
  static final String STANDARD_VISIT = "Standard visit";

  private static final java.util.Map<String, AppointmentStatus> STATUSES =
      Arrays.stream(AppointmentStatus.values())
          .collect(Collectors.toMap(AppointmentStatus::fhir, s -> s));

  private final Scheduling scheduling;
  private final Organizations organizations;

  AppointmentResources(Scheduling scheduling, Organizations organizations) {
    this.scheduling = scheduling;
    this.organizations = organizations;
  }

  @Override
  public String name() {
    return "Appointment";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("patient", SearchParamType.REFERENCE, "Patient/{id}"),
        new SearchParameter("practitioner", SearchParamType.REFERENCE, "Practitioner/{id}"),
        new SearchParameter(
            "actor",
            SearchParamType.REFERENCE,
            "Patient/{id}, Practitioner/{id} or Location/{id} (a clinic)"),
        new SearchParameter(
            "date",
            SearchParamType.DATE,
            "When it starts: eq (a day, in the clinic's zone), ge, gt, le, lt; repeat for a range"),
        new SearchParameter(
            "status", SearchParamType.TOKEN, "booked, arrived, fulfilled, cancelled or noshow"));
  }

  @Override
  public Resource read(String id) {
    return toFhir(scheduling.get(Ids.uuid(id, "Appointment")));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    UUID patient = query.reference("patient", "Patient").orElse(null);
    UUID doctor = query.reference("practitioner", "Practitioner").orElse(null);
    UUID clinic = null;
    var actor = query.typedReference("actor");
    if (actor.isPresent()) {
      var type = actor.get()[0];
      var id = SearchQuery.referenced("actor", type, actor.get()[1]);
      switch (type) {
        case "Patient" -> patient = same("actor", patient, id);
        case "Practitioner" -> doctor = same("actor", doctor, id);
        case "Location" -> clinic = id;
        default ->
            throw ProblemException.invalid("actor", "must be a Patient, Practitioner or Location");
      }
    }
    var status = query.token("status", STATUSES.keySet()).map(STATUSES::get).orElse(null);
    var range = query.date("date", organizations.activeClinic().timezone());
    var filter =
        new Scheduling.AppointmentFilter(
            patient,
            doctor == null ? null : new UserId(doctor),
            clinic == null ? null : new ClinicId(clinic),
            range.from(),
            range.to(),
            status);
    return Paging.Matches.afterInstantAndId(
        query,
        (afterAt, afterId, limit) -> scheduling.find(filter, afterAt, afterId, limit),
        Appointment::startsAt,
        Appointment::id,
        AppointmentResources::toFhir);
  }

  /** Two filters on the same participant must agree, else nothing could match. */
  private static UUID same(String name, @Nullable UUID given, UUID other) {
    if (given != null && !given.equals(other)) {
      throw ProblemException.invalid(name, "names another participant than the other parameter");
    }
    return other;
  }

  @Override
  public @Nullable UUID patientOf(Resource resource) {
    return ((org.hl7.fhir.r4.model.Appointment) resource)
        .getParticipant().stream()
            .map(AppointmentParticipantComponent::getActor)
            .map(Reference::getReference)
            .filter(r -> r != null && r.startsWith("Patient/"))
            .map(r -> UUID.fromString(r.substring("Patient/".length())))
            .findFirst()
            .orElse(null);
  }

  static org.hl7.fhir.r4.model.Appointment toFhir(Appointment appointment) {
    var fhir = new org.hl7.fhir.r4.model.Appointment();
    fhir.setId(appointment.id().toString());
    fhir.getMeta().setVersionId(String.valueOf(appointment.version()));
    fhir.setStatus(
        org.hl7.fhir.r4.model.Appointment.AppointmentStatus.fromCode(appointment.status().fhir()));
    if (appointment.status() == AppointmentStatus.CANCELLED && appointment.cancelReason() != null) {
      fhir.setCancelationReason(new CodeableConcept().setText(appointment.cancelReason()));
    }
    fhir.addServiceType(
        new CodeableConcept()
            .setText(
                appointment.serviceType().isEmpty() ? STANDARD_VISIT : appointment.serviceType()));
    fhir.setStart(Date.from(appointment.startsAt()));
    fhir.setEnd(Date.from(appointment.endsAt()));
    fhir.setMinutesDuration(
        (int) Duration.between(appointment.startsAt(), appointment.endsAt()).toMinutes());
    fhir.addParticipant()
        .setActor(Ids.to("Patient", appointment.patientId()))
        .setRequired(ParticipantRequired.REQUIRED)
        .setStatus(
            appointment.confirmed()
                ? ParticipationStatus.ACCEPTED
                : ParticipationStatus.NEEDSACTION);
    fhir.addParticipant()
        .setActor(Ids.to("Practitioner", appointment.doctorId().value()))
        .setRequired(ParticipantRequired.REQUIRED)
        .setStatus(ParticipationStatus.ACCEPTED);
    fhir.addParticipant()
        .setActor(Ids.to("Location", appointment.clinicId().value()))
        .setRequired(ParticipantRequired.REQUIRED)
        .setStatus(ParticipationStatus.ACCEPTED);
    return fhir;
  }
}
