package io.carebook.clinical.web;

import io.carebook.clinical.Charting;
import io.carebook.clinical.Note;
import io.carebook.clinical.NoteTemplates;
import io.carebook.clinical.Vitals;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientSafety;
import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The doctor's encounter page of a visit: the patient's allergies and medications on top, vitals,
 * the SOAP note in plain textareas saved as a draft (htmx, without leaving the page) and signed
 * with one button, then addenda; note templates. Its prescriptions part is {@link
 * PrescriptionPages}.
 */
@Controller
@FinishesTodaysVisits
class EncounterPages {

  private final Charting charting;
  private final PatientDirectory patients;
  private final PatientSafety safety;
  private final Permissions permissions;
  private final Organizations organizations;
  private final NoteTemplates templates;

  EncounterPages(
      Charting charting,
      PatientDirectory patients,
      PatientSafety safety,
      Permissions permissions,
      Organizations organizations,
      NoteTemplates templates) {
    this.organizations = organizations;
    this.templates = templates;
    this.charting = charting;
    this.patients = patients;
    this.safety = safety;
    this.permissions = permissions;
  }

  @GetMapping("/visits/{visitId}/encounter")
  String page(@PathVariable String visitId, Model model) {
    var record = charting.of(Ids.parse(visitId, "Visit"));
    var state = record.visit().state();
    var patient = new PatientId(record.visit().patientId());
    model.addAttribute("record", record);
    model.addAttribute("zone", organizations.activeClinic().timezone());
    model.addAttribute("patient", patients.chart(patient));
    model.addAttribute("allergies", safety.allergies(patient));
    model.addAttribute("medications", safety.medications(patient));
    var may = new LinkedHashMap<String, Boolean>();
    for (var action :
        new Action[] {
          Action.VITALS_RECORD,
          Action.NOTE_DRAFT,
          Action.NOTE_SIGN,
          Action.NOTE_ADDENDUM,
          Action.PRESCRIPTION_DRAFT,
          Action.PRESCRIPTION_FINALIZE,
          Action.PRESCRIPTION_ADDENDUM
        }) {
      may.put(action.name(), permissions.allows(action, state));
    }
    model.addAttribute("may", may);
    model.addAttribute("templates", templates.list());
    if (!model.containsAttribute("draft")) {
      var note = record.note();
      model.addAttribute(
          "draft",
          note == null
              ? new Note.Draft("", "", "", "", "", "")
              : new Note.Draft(
                  note.subjective(),
                  note.objective(),
                  note.assessment(),
                  note.diagnosis(),
                  note.icd10(),
                  note.plan()));
    }
    return "clinical/encounter";
  }

  @PostMapping("/visits/{visitId}/encounter/vitals")
  String vitals(
      @PathVariable String visitId,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return PageForms.attempt(
        visitId,
        redirect,
        "vitals",
        () -> {
          var input =
              new Vitals.Input(
                  PageForms.integer(form, "systolic"),
                  PageForms.integer(form, "diastolic"),
                  PageForms.integer(form, "pulse"),
                  PageForms.decimal(form, "temperature"),
                  PageForms.integer(form, "respiratoryRate"),
                  PageForms.integer(form, "oxygen"),
                  PageForms.decimal(form, "weight"),
                  PageForms.decimal(form, "height"));
          redirect.addFlashAttribute("typedVitals", new LinkedHashMap<>(form));
          charting.recordVitals(UUID.fromString(visitId), input);
          redirect.getFlashAttributes().remove("typedVitals");
        });
  }

  /** Saves the draft; from htmx, answers the little "saved" status instead of the page. */
  @PostMapping("/visits/{visitId}/encounter/note")
  String saveNote(
      @PathVariable String visitId,
      @RequestParam Map<String, String> form,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model,
      RedirectAttributes redirect) {
    var draft = PageForms.draft(form);
    if (htmx != null) {
      model.addAttribute("zone", organizations.activeClinic().timezone());
      try {
        var note = charting.saveDraft(Ids.parse(visitId, "Visit"), draft, null);
        model.addAttribute("savedAt", note.updatedAt());
      } catch (ProblemException e) {
        model.addAttribute("problem", e.kind());
        model.addAttribute("problemFields", PageForms.fields(e));
      }
      return "clinical/encounter :: saved";
    }
    redirect.addFlashAttribute("draft", draft);
    return PageForms.attempt(
        visitId,
        redirect,
        "note",
        () -> {
          charting.saveDraft(Ids.parse(visitId, "Visit"), draft, null);
          redirect.addFlashAttribute("done", "saved");
          redirect.getFlashAttributes().remove("draft");
        });
  }

  @PostMapping("/visits/{visitId}/encounter/note/sign")
  String sign(
      @PathVariable String visitId,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    var draft = PageForms.draft(form);
    redirect.addFlashAttribute("draft", draft);
    return PageForms.attempt(
        visitId,
        redirect,
        "note",
        () -> {
          var visit = Ids.parse(visitId, "Visit");
          charting.saveDraft(visit, draft, null);
          charting.sign(visit);
          redirect.addFlashAttribute("done", "signed");
          redirect.getFlashAttributes().remove("draft");
        });
  }

  @PostMapping("/visits/{visitId}/encounter/note/addenda")
  String addendum(
      @PathVariable String visitId,
      @RequestParam(defaultValue = "") String body,
      RedirectAttributes redirect) {
    return PageForms.attempt(
        visitId,
        redirect,
        "addendum",
        () -> charting.addAddendum(Ids.parse(visitId, "Visit"), body));
  }

  @PostMapping("/visits/{visitId}/encounter/note/template")
  String applyTemplate(
      @PathVariable String visitId,
      @RequestParam(defaultValue = "") String templateId,
      RedirectAttributes redirect) {
    return PageForms.attempt(
        visitId,
        redirect,
        "note",
        () -> templates.apply(Ids.parse(visitId, "Visit"), Ids.parse(templateId, "Template")));
  }

  @PostMapping("/visits/{visitId}/encounter/templates")
  String saveAsTemplate(
      @PathVariable String visitId,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    return PageForms.attempt(
        visitId,
        redirect,
        "note",
        () -> {
          var note = charting.of(Ids.parse(visitId, "Visit")).note();
          templates.create(
              name,
              note == null
                  ? new Note.Draft(null, null, null, null, null, null)
                  : new Note.Draft(
                      note.subjective(),
                      note.objective(),
                      note.assessment(),
                      null,
                      null,
                      note.plan()));
          redirect.addFlashAttribute("done", "template");
        });
  }
}
