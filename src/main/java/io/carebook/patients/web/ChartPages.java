package io.carebook.patients.web;

import io.carebook.patients.Allergy;
import io.carebook.patients.Chart;
import io.carebook.patients.Medication;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientSafety;
import io.carebook.patients.SafetyEntry;
import io.carebook.patients.documents.PatientDocuments;
import io.carebook.patients.safety.SafetyKind;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the chart page: each adds or voids one entry and comes back to its section. A
 * refused form comes back with the problem's kind and field, which the page shows translated.
 */
@Controller
class ChartPages {

  private final PatientChart chart;
  private final PatientSafety safety;
  private final PatientDocuments documents;
  private final PatientDirectory directory;
  private final Permissions permissions;

  ChartPages(
      PatientChart chart,
      PatientSafety safety,
      PatientDocuments documents,
      PatientDirectory directory,
      Permissions permissions) {
    this.chart = chart;
    this.safety = safety;
    this.documents = documents;
    this.directory = directory;
    this.permissions = permissions;
  }

  @PostMapping("/patients/{id}/allergies")
  String addAllergy(
      @PathVariable String id,
      @RequestParam String substance,
      @RequestParam(required = false) @Nullable String reaction,
      @RequestParam Allergy.Severity severity,
      RedirectAttributes flash) {
    return record(
        SafetyKind.ALLERGIES,
        id,
        new PatientSafety.AllergyInput(substance, reaction, severity, null),
        flash);
  }

  @PostMapping("/patients/{id}/allergies/{entry}/status")
  String allergyStatus(
      @PathVariable String id,
      @PathVariable String entry,
      @RequestParam Allergy.Status status,
      @RequestParam int version,
      RedirectAttributes flash) {
    return correct(
        SafetyKind.ALLERGIES,
        id,
        entry,
        version,
        a -> new PatientSafety.AllergyInput(a.substance(), a.reaction(), a.severity(), status),
        flash);
  }

  @PostMapping("/patients/{id}/medications")
  String addMedication(
      @PathVariable String id,
      @RequestParam String drug,
      @RequestParam(required = false) @Nullable String dose,
      @RequestParam(required = false) @Nullable String frequency,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate since,
      RedirectAttributes flash) {
    return record(
        SafetyKind.MEDICATIONS,
        id,
        new PatientSafety.MedicationInput(drug, dose, frequency, since, null),
        flash);
  }

  @PostMapping("/patients/{id}/medications/{entry}/stop")
  String stopMedication(
      @PathVariable String id,
      @PathVariable String entry,
      @RequestParam int version,
      RedirectAttributes flash) {
    return correct(
        SafetyKind.MEDICATIONS,
        id,
        entry,
        version,
        m ->
            new PatientSafety.MedicationInput(
                m.drug(), m.dose(), m.frequency(), m.since(), Medication.Status.STOPPED),
        flash);
  }

  private <I> String record(SafetyKind<?, I> kind, String id, I input, RedirectAttributes flash) {
    return act(id, Action.SAFETY_RECORD, kind.section(), flash, p -> safety.record(kind, p, input));
  }

  /** Changes an entry in use into what {@code change} makes of it, as of {@code version}. */
  private <E extends SafetyEntry, I> String correct(
      SafetyKind<E, I> kind,
      String id,
      String entry,
      int version,
      Function<E, I> change,
      RedirectAttributes flash) {
    return act(
        id,
        Action.SAFETY_RECORD,
        kind.section(),
        flash,
        p -> {
          var current =
              safety.list(kind, p).stream()
                  .filter(e -> e.id().equals(EntryIds.parse(entry)))
                  .findFirst()
                  .orElseThrow(() -> new io.carebook.shared.NotFoundException("Entry"));
          safety.correct(kind, current.id(), change.apply(current), version);
        });
  }

  @PostMapping("/patients/{id}/identifiers")
  String addIdentifier(
      @PathVariable String id,
      @RequestParam Chart.IdentifierKind kind,
      @RequestParam(required = false) @Nullable String issuer,
      @RequestParam String value,
      RedirectAttributes flash) {
    return act(
        id,
        Action.PATIENT_EDIT,
        "identifiers",
        flash,
        p -> chart.addIdentifier(p, kind, issuer, value));
  }

  @PostMapping("/patients/{id}/contacts")
  String addContact(
      @PathVariable String id,
      @RequestParam String name,
      @RequestParam(required = false) @Nullable String relationship,
      @RequestParam(required = false) @Nullable String phone,
      RedirectAttributes flash) {
    return act(
        id,
        Action.PATIENT_EDIT,
        "contacts",
        flash,
        p -> chart.addContact(p, name, relationship, phone));
  }

  @PostMapping("/patients/{id}/consents")
  String recordConsent(
      @PathVariable String id,
      @RequestParam Chart.ConsentKind kind,
      @RequestParam boolean granted,
      @RequestParam Chart.ConsentChannel channel,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate decidedOn,
      @RequestParam(required = false) @Nullable String note,
      RedirectAttributes flash) {
    return act(
        id,
        Action.PATIENT_EDIT,
        "consents",
        flash,
        p -> chart.recordConsent(p, kind, granted, decidedOn, channel, note));
  }

  @PostMapping("/patients/{id}/tags")
  String tag(@PathVariable String id, @RequestParam String tag, RedirectAttributes flash) {
    return act(id, Action.PATIENT_EDIT, "tags", flash, p -> chart.tag(p, tag));
  }

  @PostMapping("/patients/{id}/tags/remove")
  String untag(@PathVariable String id, @RequestParam String tag, RedirectAttributes flash) {
    return act(id, Action.PATIENT_EDIT, "tags", flash, p -> chart.untag(p, tag));
  }

  @PostMapping("/patients/{id}/guardians")
  String addGuardian(
      @PathVariable String id,
      @RequestParam String guardian,
      @RequestParam(required = false) @Nullable String relationship,
      RedirectAttributes flash) {
    return act(
        id,
        Action.PATIENT_EDIT,
        "guardians",
        flash,
        p -> {
          var found =
              directory
                  .withMedicalRecordNumber(guardian)
                  .orElseThrow(
                      () -> ProblemException.invalid("guardian", "is not a record number"));
          chart.addGuardian(p, found.id(), relationship);
        });
  }

  @PostMapping(
      "/patients/{id}/{kind:identifiers|contacts|consents|guardians|documents}/{entry}/void")
  String voidEntry(
      @PathVariable String id,
      @PathVariable String kind,
      @PathVariable String entry,
      @RequestParam String reason,
      RedirectAttributes flash) {
    return act(
        id,
        Action.PATIENT_EDIT,
        kind,
        flash,
        p -> chart.voidEntry(p, kind, EntryIds.parse(entry), reason));
  }

  @PostMapping("/patients/{id}/{kind:allergies|medications}/{entry}/void")
  String voidSafetyEntry(
      @PathVariable String id,
      @PathVariable String kind,
      @PathVariable String entry,
      @RequestParam String reason,
      RedirectAttributes flash) {
    return act(
        id,
        Action.SAFETY_RECORD,
        kind,
        flash,
        p -> chart.voidEntry(p, kind, EntryIds.parse(entry), reason));
  }

  @PostMapping("/patients/{id}/documents")
  String upload(
      @PathVariable String id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) @Nullable String description,
      RedirectAttributes flash) {
    return act(
        id,
        Action.PATIENT_EDIT,
        "documents",
        flash,
        p -> {
          try {
            var name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
            documents.upload(p, name, file.getInputStream(), description);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @GetMapping("/patients/{id}/documents/{document}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String id, @PathVariable String document) {
    permissions.require(Action.PATIENT_VIEW);
    return DocumentApi.serve(documents, PatientIds.parse(id), EntryIds.parse(document));
  }

  /** Runs a form's change and comes back to the section, with the problem if it was refused. */
  private String act(
      String id,
      Action action,
      String section,
      RedirectAttributes flash,
      java.util.function.Consumer<PatientId> change) {
    var patient = directory.get(PatientIds.parse(id)).id();
    permissions.require(action);
    try {
      change.accept(patient);
      flash.addFlashAttribute("saved", section);
    } catch (ProblemException e) {
      flash.addFlashAttribute("problem", e.kind());
      flash.addFlashAttribute(
          "problemField", e.errors().isEmpty() ? null : e.errors().getFirst().field());
      flash.addFlashAttribute("problemSection", section);
    } catch (OptimisticLockingFailureException e) {
      flash.addFlashAttribute("problem", "stale-write");
      flash.addFlashAttribute("problemSection", section);
    }
    return "redirect:/patients/" + patient + "#" + section;
  }
}
