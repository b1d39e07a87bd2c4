package io.carebook.clinical.web;

import io.carebook.clinical.Charting;
import io.carebook.clinical.Note;
import io.carebook.clinical.NoteTemplates;
import io.carebook.clinical.Prescribing;
import io.carebook.clinical.Prescription;
import io.carebook.clinical.PrescriptionDocuments;
import io.carebook.clinical.Vitals;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientSafety;
import io.carebook.patients.SafetyWarning;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * with one button, then addenda; prescriptions item by item with the safety warnings to
 * acknowledge, finalized and printed.
 */
@Controller
@AllowedWhenReadOnly // today's visits can be documented in a read-only clinic (checked inside)
class EncounterPages {

  private final Charting charting;
  private final Prescribing prescribing;
  private final PrescriptionDocuments documents;
  private final PatientDirectory patients;
  private final PatientSafety safety;
  private final Permissions permissions;
  private final Organizations organizations;
  private final NoteTemplates templates;

  EncounterPages(
      Charting charting,
      Prescribing prescribing,
      PrescriptionDocuments documents,
      PatientDirectory patients,
      PatientSafety safety,
      Permissions permissions,
      Organizations organizations,
      NoteTemplates templates) {
    this.organizations = organizations;
    this.templates = templates;
    this.charting = charting;
    this.prescribing = prescribing;
    this.documents = documents;
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
    return attempt(
        visitId,
        redirect,
        "vitals",
        () -> {
          var input =
              new Vitals.Input(
                  integer(form, "systolic"),
                  integer(form, "diastolic"),
                  integer(form, "pulse"),
                  decimal(form, "temperature"),
                  integer(form, "respiratoryRate"),
                  integer(form, "oxygen"),
                  decimal(form, "weight"),
                  decimal(form, "height"));
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
    var draft = draft(form);
    if (htmx != null) {
      model.addAttribute("zone", organizations.activeClinic().timezone());
      try {
        var note = charting.saveDraft(Ids.parse(visitId, "Visit"), draft, null);
        model.addAttribute("savedAt", note.updatedAt());
      } catch (ProblemException e) {
        model.addAttribute("problem", e.kind());
        model.addAttribute("problemFields", fields(e));
      }
      return "clinical/encounter :: saved";
    }
    redirect.addFlashAttribute("draft", draft);
    return attempt(
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
    var draft = draft(form);
    redirect.addFlashAttribute("draft", draft);
    return attempt(
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
    return attempt(
        visitId,
        redirect,
        "addendum",
        () -> charting.addAddendum(Ids.parse(visitId, "Visit"), body));
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions")
  String newPrescription(@PathVariable String visitId, RedirectAttributes redirect) {
    return attempt(
        visitId, redirect, "prescriptions", () -> prescribing.draft(Ids.parse(visitId, "Visit")));
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/items")
  String addItem(
      @PathVariable String visitId,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    var item =
        new Prescription.NewItem(
            form.getOrDefault("drug", ""),
            form.get("strength"),
            form.get("form"),
            form.get("dose"),
            form.get("frequency"),
            form.get("duration"),
            form.get("route"),
            form.get("instructions"));
    var acknowledged = form.containsKey("acknowledge");
    try {
      prescribing.addItem(
          Ids.parse(id, "Prescription"),
          item,
          acknowledged ? new Prescribing.Acknowledgement(form.get("reason")) : null);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("typedItem", item);
      redirect.addFlashAttribute("itemFor", id);
      if (e.kind().equals("safety-warning")) {
        redirect.addFlashAttribute("warnings", warnings(e));
      } else {
        problem(redirect, "prescriptions", e);
      }
    }
    return back(visitId);
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/items/{item}/void")
  String voidItem(
      @PathVariable String visitId,
      @PathVariable String id,
      @PathVariable String item,
      RedirectAttributes redirect) {
    return attempt(
        visitId,
        redirect,
        "prescriptions",
        () ->
            prescribing.voidItem(
                Ids.parse(id, "Prescription"), Ids.parse(item, "Item"), "Removed from the draft"));
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/finalize")
  String finalizePrescription(
      @PathVariable String visitId, @PathVariable String id, RedirectAttributes redirect) {
    return attempt(
        visitId,
        redirect,
        "prescriptions",
        () -> {
          prescribing.finalize(Ids.parse(id, "Prescription"));
          redirect.addFlashAttribute("done", "finalized");
        });
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/addenda")
  String prescriptionAddendum(
      @PathVariable String visitId,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String body,
      RedirectAttributes redirect) {
    return attempt(
        visitId,
        redirect,
        "prescriptions",
        () -> prescribing.addAddendum(Ids.parse(id, "Prescription"), body));
  }

  @PostMapping("/visits/{visitId}/encounter/note/template")
  String applyTemplate(
      @PathVariable String visitId,
      @RequestParam(defaultValue = "") String templateId,
      RedirectAttributes redirect) {
    return attempt(
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
    return attempt(
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

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/send")
  String send(@PathVariable String visitId, @PathVariable String id, RedirectAttributes redirect) {
    return attempt(
        visitId,
        redirect,
        "prescriptions",
        () -> {
          prescribing.requestCopy(Ids.parse(id, "Prescription"));
          redirect.addFlashAttribute("done", "sent");
        });
  }

  @GetMapping("/prescriptions/{id}/pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String lang,
      Locale locale) {
    var pdf =
        documents.pdf(
            Ids.parse(id, "Prescription"), lang == null ? locale : Locale.forLanguageTag(lang));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename("prescription.pdf").build().toString())
        .body(pdf);
  }

  private String attempt(
      String visitId, RedirectAttributes redirect, String section, Runnable work) {
    try {
      work.run();
    } catch (ProblemException e) {
      problem(redirect, section, e);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
      redirect.addFlashAttribute("problemSection", section);
    }
    return back(visitId);
  }

  private static void problem(RedirectAttributes redirect, String section, ProblemException e) {
    redirect.addFlashAttribute("problem", e.kind());
    redirect.addFlashAttribute("problemSection", section);
    redirect.addFlashAttribute("problemFields", fields(e));
  }

  /** Field errors as the page shows them: field → message (serializable, for the session). */
  private static LinkedHashMap<String, String> fields(ProblemException e) {
    var fields = new LinkedHashMap<String, String>();
    e.errors().forEach(f -> fields.putIfAbsent(f.field(), f.message()));
    return fields;
  }

  /** The safety warnings as the page shows them (serializable, for the session). */
  private static ArrayList<HashMap<String, String>> warnings(ProblemException e) {
    var shown = new ArrayList<HashMap<String, String>>();
    if (e.properties().get("warnings") instanceof List<?> warnings) {
      for (var w : warnings) {
        if (w instanceof SafetyWarning warning) {
          var one = new HashMap<String, String>();
          one.put("kind", warning.kind().name());
          one.put("recorded", warning.recorded());
          one.put("severity", warning.severity() == null ? "" : warning.severity().name());
          shown.add(one);
        }
      }
    }
    return shown;
  }

  private static String back(String visitId) {
    return "redirect:/visits/" + Ids.parse(visitId, "Visit") + "/encounter";
  }

  private static Note.Draft draft(Map<String, String> form) {
    return new Note.Draft(
        form.get("subjective"),
        form.get("objective"),
        form.get("assessment"),
        form.get("diagnosis"),
        form.get("icd10"),
        form.get("plan"));
  }

  private static @Nullable Integer integer(Map<String, String> form, String field) {
    var value = form.getOrDefault(field, "").strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "must be a whole number");
    }
  }

  private static @Nullable BigDecimal decimal(Map<String, String> form, String field) {
    var value = form.getOrDefault(field, "").strip().replace(',', '.');
    if (value.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "must be a number");
    }
  }
}
