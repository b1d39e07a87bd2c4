package io.carebook.clinical;

import io.carebook.audit.ActorDirectory;
import io.carebook.audit.AuditTrail;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.Visit;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's history: every visit at every clinic of the organization, newest first, each with its
 * note and prescriptions. Another organization's patient is not found.
 */
@Service
public class History {

  static final int LIMIT = 200;

  private final FrontDesk frontDesk;
  private final EncounterRows encounters;
  private final PrescriptionRows prescriptions;
  private final Organizations organizations;
  private final ActorDirectory actors;
  private final AuditTrail audit;

  History(
      FrontDesk frontDesk,
      EncounterRows encounters,
      PrescriptionRows prescriptions,
      Organizations organizations,
      ActorDirectory actors,
      AuditTrail audit) {
    this.frontDesk = frontDesk;
    this.encounters = encounters;
    this.prescriptions = prescriptions;
    this.organizations = organizations;
    this.actors = actors;
    this.audit = audit;
  }

  /** One visit of the history. */
  public record Entry(
      Visit visit,
      String clinic,
      boolean here,
      @Nullable String doctor,
      @Nullable Note note,
      List<Prescription> prescriptions) {}

  /** The history, its reading logged as a view of health data. */
  @Transactional
  public List<Entry> of(PatientId patient) {
    var visits = frontDesk.visitsOf(patient, LIMIT);
    audit.viewed("encounters", patient.toString(), patient.value());
    return entries(visits);
  }

  /**
   * A page of the history: at most {@code limit} visits after the one {@code after} names (checked
   * in at, id), newest first, read in the database; its reading logged like the whole history's.
   */
  @Transactional
  public CursorPage<Entry> page(PatientId patient, int limit, @Nullable Keyset after) {
    var visits =
        frontDesk.visitsOf(
            patient,
            limit + 1,
            after == null ? null : after.at(),
            after == null ? null : after.id());
    audit.viewed("encounters", patient.toString(), patient.value());
    return CursorPage.ofOneMore(
        entries(visits), limit, e -> Keyset.of(e.visit().createdAt(), e.visit().id()));
  }

  private List<Entry> entries(List<Visit> visits) {
    if (visits.isEmpty()) {
      return List.of();
    }
    var byVisit =
        encounters.ofVisits(visits.stream().map(Visit::id).toList()).stream()
            .collect(Collectors.toMap(Encounter::visitId, Function.identity()));
    var encounterIds = byVisit.values().stream().map(Encounter::id).toList();
    var notes =
        encounterIds.isEmpty()
            ? Map.<UUID, Note>of()
            : encounters.notes(encounterIds).stream()
                .collect(Collectors.toMap(Note::encounterId, Function.identity()));
    var scripts =
        encounterIds.isEmpty()
            ? Map.<UUID, List<Prescription>>of()
            : prescriptions.ofEncounters(encounterIds).stream()
                .collect(Collectors.groupingBy(Prescription::encounterId));
    var clinics =
        organizations.clinics().stream()
            .collect(Collectors.toMap(c -> c.id().value(), Clinic::name, (a, b) -> a));
    var people = new HashSet<UUID>();
    visits.stream().map(Visit::doctorId).filter(java.util.Objects::nonNull).forEach(people::add);
    var names = actors.names(people);
    var active = organizations.activeClinic().id();
    return visits.stream()
        .map(
            v -> {
              var encounter = byVisit.get(v.id());
              return new Entry(
                  v,
                  clinics.getOrDefault(v.clinicId().value(), ""),
                  v.clinicId().equals(active),
                  v.doctorId() == null ? null : names.get(v.doctorId()),
                  encounter == null ? null : notes.get(encounter.id()),
                  encounter == null ? List.of() : scripts.getOrDefault(encounter.id(), List.of()));
            })
        .toList();
  }
}
