package io.carebook.fhir;

import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.Visit;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A patient's visits at the caller's clinic as encounters (PATIENT_VIEW, as the front desk's API):
 * waiting is arrived, with the assistant triaged, with the doctor in-progress, done finished, and a
 * canceled visit or a no-show cancelled (R4's Encounter has no no-show).
 */
@Component
class EncounterResources implements ResourceType {

  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private static final Map<String, List<VisitState>> STATUSES =
      Map.of(
          "arrived", List.of(VisitState.WAITING),
          "triaged", List.of(VisitState.WITH_ASSISTANT),
          "in-progress", List.of(VisitState.WITH_DOCTOR),
          "finished", List.of(VisitState.DONE),
          "cancelled", List.of(VisitState.CANCELED, VisitState.NO_SHOW));

  private final FrontDesk frontDesk;
  private final Organizations organizations;

  EncounterResources(FrontDesk frontDesk, Organizations organizations) {
    this.frontDesk = frontDesk;
    this.organizations = organizations;
  }

  @Override
  public String name() {
    return "Encounter";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter(
            "patient",
            SearchParamType.REFERENCE,
            "Patient/{id}; without it, date must give both ends (at most "
                + FrontDesk.MOST_DAYS_OVERLAPPING
                + " days)"),
        new SearchParameter(
            "date",
            SearchParamType.DATE,
            "The visit's time overlaps: eq (a day, in the clinic's zone), ge, gt, le, lt"),
        new SearchParameter(
            "status",
            SearchParamType.TOKEN,
            "arrived, triaged, in-progress, finished or cancelled"));
  }

  @Override
  public Resource read(String id) {
    return toFhir(frontDesk.get(new VisitId(Ids.uuid(id, "Encounter"))));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    var states = query.token("status", STATUSES.keySet()).map(STATUSES::get).orElse(null);
    var range = query.date("date", organizations.activeClinic().timezone());
    var patient = query.reference("patient", "Patient");
    if (patient.isEmpty()) {
      return byDate(query, range, states);
    }
    List<Visit> visits;
    try {
      visits = frontDesk.visitsOf(new PatientId(patient.get()), 500);
    } catch (NotFoundException e) {
      visits = List.of();
    }
    var now = Instant.now();
    var matches =
        visits.stream()
            .filter(v -> v.clinicId().equals(TenantContext.clinic()))
            .filter(v -> states == null || states.contains(v.state()))
            .filter(v -> range.overlaps(v.createdAt(), endOf(v, now)))
            .sorted(Comparator.comparing(Visit::createdAt).thenComparing(Visit::id))
            .map(EncounterResources::toFhir)
            .toList();
    return Paging.Matches.inMemory(matches, query);
  }

  /**
   * The clinic's visits overlapping a bounded range, without a patient: paged in SQL by arrival and
   * id.
   */
  private Paging.Matches byDate(
      SearchQuery query, DateRange range, @Nullable List<VisitState> states) {
    if (range.from() == null || range.to() == null) {
      throw ProblemException.invalid(
          "date",
          "needs both ends without a patient (e.g. date=ge2026-03-01&date=lt2026-04-01, or one"
              + " day: date=2026-03-01)");
    }
    if (range.from().plus(Duration.ofDays(FrontDesk.MOST_DAYS_OVERLAPPING)).isBefore(range.to())) {
      throw ProblemException.invalid(
          "date",
          "may span at most " + FrontDesk.MOST_DAYS_OVERLAPPING + " days without a patient");
    }
    if (!range.from().isBefore(range.to())) {
      return new Paging.Matches(List.of(), null, 0);
    }
    return Paging.Matches.afterInstantAndId(
        query,
        (afterAt, afterId, limit) ->
            frontDesk.visitsOverlapping(range.from(), range.to(), states, afterAt, afterId, limit),
        Visit::createdAt,
        Visit::id,
        EncounterResources::toFhir);
  }

  @Override
  public @Nullable UUID patientOf(Resource resource) {
    return UUID.fromString(((Encounter) resource).getSubject().getReferenceElement().getIdPart());
  }

  private static Instant endOf(Visit visit, Instant now) {
    var end = ended(visit);
    return end == null ? now : end;
  }

  private static @Nullable Instant ended(Visit visit) {
    return visit.doneAt() != null
        ? visit.doneAt()
        : visit.canceledAt() != null ? visit.canceledAt() : visit.noShowAt();
  }

  static Encounter toFhir(Visit visit) {
    var fhir = new Encounter();
    fhir.setId(visit.id().toString());
    fhir.setStatus(status(visit.state()));
    fhir.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
    fhir.setSubject(Ids.to("Patient", visit.patientId()));
    if (visit.doctorId() != null) {
      fhir.addParticipant().setIndividual(Ids.to("Practitioner", visit.doctorId()));
    }
    if (visit.appointmentId() != null) {
      fhir.addAppointment(Ids.to("Appointment", visit.appointmentId()));
    }
    var period = new Period().setStart(Date.from(visit.createdAt()));
    var end = ended(visit);
    if (end != null) {
      period.setEnd(Date.from(end));
    }
    fhir.setPeriod(period);
    fhir.addLocation().setLocation(Ids.to("Location", visit.clinicId().value()));
    fhir.setServiceProvider(Ids.to("Organization", TenantContext.tenant().value()));
    return fhir;
  }

  private static EncounterStatus status(VisitState state) {
    return switch (state) {
      case WAITING -> EncounterStatus.ARRIVED;
      case WITH_ASSISTANT -> EncounterStatus.TRIAGED;
      case WITH_DOCTOR -> EncounterStatus.INPROGRESS;
      case DONE -> EncounterStatus.FINISHED;
      case CANCELED, NO_SHOW -> EncounterStatus.CANCELLED;
      case NONE -> EncounterStatus.UNKNOWN;
    };
  }
}
