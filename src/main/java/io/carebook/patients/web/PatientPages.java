package io.carebook.patients.web;

import io.carebook.patients.ChartPanel;
import io.carebook.patients.DuplicatePatientException;
import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientMerge;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient list with search as you type, registration, the chart, corrections and merges. */
@Controller
class PatientPages {

  private final PatientDirectory directory;
  private final PatientChart chart;
  private final PatientMerge merges;
  private final Organizations organizations;
  private final Permissions permissions;
  private final List<ChartPanel> panels;

  PatientPages(
      PatientDirectory directory,
      PatientChart chart,
      PatientMerge merges,
      Organizations organizations,
      Permissions permissions,
      List<ChartPanel> panels) {
    this.directory = directory;
    this.chart = chart;
    this.merges = merges;
    this.organizations = organizations;
    this.permissions = permissions;
    this.panels = panels;
  }

  /** The registration (or correction) form as typed at the desk. */
  record PatientForm(
      @NotBlank @Size(max = 200) String fullName,
      @Size(max = 40) @Nullable String phone,
      @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateOfBirth,
      Patient.@Nullable Sex sex,
      @Size(max = 200) @Nullable String otherName,
      @Size(max = 40) @Nullable String alternatePhone,
      @Size(max = 254) @Nullable String email,
      @Size(max = 500) @Nullable String address,
      @Nullable Integer version) {

    NewPatient toNew() {
      return new NewPatient(
          fullName, phone, dateOfBirth, sex, otherName, alternatePhone, email, address);
    }

    static PatientForm of(Patient p) {
      return new PatientForm(
          p.fullName(),
          p.phone() == null ? null : p.phone().e164(),
          p.dateOfBirth(),
          p.sex(),
          p.otherName(),
          p.alternatePhone() == null ? null : p.alternatePhone().e164(),
          p.email(),
          p.address(),
          p.version());
    }
  }

  @GetMapping("/patients")
  String list(@RequestParam(defaultValue = "") String q, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    model.addAttribute("q", q);
    model.addAttribute("page", directory.search(q, 50, null));
    model.addAttribute("byIdentifier", chart.findByIdentifier(q));
    return "patients/list";
  }

  @GetMapping("/patients/search")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    model.addAttribute("q", q);
    model.addAttribute("page", directory.search(q, 50, null));
    model.addAttribute("byIdentifier", chart.findByIdentifier(q));
    return "patients/list :: results";
  }

  @GetMapping("/patients/new")
  String form(Model model) {
    permissions.require(Action.PATIENT_REGISTER);
    model.addAttribute("form", new PatientForm("", "", null, null, null, null, null, null, null));
    return "patients/form";
  }

  @PostMapping("/patients")
  String register(
      @Valid @ModelAttribute("form") PatientForm form, BindingResult errors, Model model) {
    permissions.require(Action.PATIENT_REGISTER);
    if (errors.hasErrors()) {
      return "patients/form";
    }
    try {
      var patient = directory.registerId(form.toNew());
      return "redirect:/patients/" + patient + "?registered";
    } catch (DuplicatePatientException e) {
      model.addAttribute("duplicate", directory.get(e.existing()));
      return "patients/form";
    } catch (ProblemException e) {
      e.errors().forEach(f -> errors.rejectValue(f.field(), f.field(), f.message()));
      return "patients/form";
    }
  }

  @GetMapping("/patients/household")
  String household(@RequestParam(defaultValue = "") String phone, Model model) {
    model.addAttribute("household", phone.isBlank() ? List.of() : directory.sharingPhone(phone));
    return "patients/form :: household";
  }

  /** Patients who may be the one being registered: shown while the desk types. */
  @GetMapping("/patients/similar")
  String similar(
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate dateOfBirth,
      Model model) {
    permissions.require(Action.PATIENT_REGISTER);
    model.addAttribute("similar", directory.similar(fullName, dateOfBirth));
    return "patients/form :: similar";
  }

  @GetMapping("/patients/{id}")
  String show(@PathVariable String id, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    var patient = PatientIds.parse(id);
    model.addAttribute("chart", chart.open(patient));
    model.addAttribute(
        "panels", panels.stream().map(p -> java.util.Map.entry(p.id(), p.href(patient))).toList());
    model.addAttribute("today", LocalDate.now(organizations.activeClinic().timezone()));
    return "patients/show";
  }

  @GetMapping("/patients/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    var patient = directory.inUse(PatientIds.parse(id));
    permissions.require(Action.PATIENT_EDIT);
    model.addAttribute("form", PatientForm.of(patient));
    model.addAttribute("editing", patient);
    return "patients/form";
  }

  @PostMapping("/patients/{id}")
  String correct(
      @PathVariable String id,
      @Valid @ModelAttribute("form") PatientForm form,
      BindingResult errors,
      Model model) {
    var patient = directory.inUse(PatientIds.parse(id));
    permissions.require(Action.PATIENT_EDIT);
    model.addAttribute("editing", patient);
    if (errors.hasErrors()) {
      return "patients/form";
    }
    try {
      var version = form.version() == null ? -1 : form.version();
      directory.correct(patient.id(), form.toNew(), version);
      return "redirect:/patients/" + patient.id() + "?saved";
    } catch (DuplicatePatientException e) {
      model.addAttribute("duplicate", directory.get(e.existing()));
    } catch (OptimisticLockingFailureException e) {
      model.addAttribute("stale", true);
    } catch (ProblemException e) {
      e.errors().forEach(f -> errors.rejectValue(f.field(), f.field(), f.message()));
    }
    return "patients/form";
  }

  @GetMapping("/patients/{id}/merge")
  String mergeForm(
      @PathVariable String id, @RequestParam(defaultValue = "") String duplicate, Model model) {
    var survivor = directory.inUse(PatientIds.parse(id));
    permissions.require(Action.PATIENT_MERGE);
    model.addAttribute("survivor", survivor);
    model.addAttribute("duplicate", duplicate);
    model.addAttribute(
        "candidate",
        duplicate.isBlank()
            ? null
            : directory
                .withMedicalRecordNumber(duplicate)
                .filter(p -> !p.voidedRecord() && !p.id().equals(survivor.id()))
                .orElse(null));
    model.addAttribute(
        "similar",
        directory.similar(survivor.fullName(), survivor.dateOfBirth()).stream()
            .filter(p -> !p.id().equals(survivor.id()))
            .toList());
    return "patients/merge";
  }

  @PostMapping("/patients/{id}/merge")
  String merge(
      @PathVariable String id,
      @RequestParam String duplicateId,
      @RequestParam String reason,
      RedirectAttributes flash) {
    var survivor = directory.inUse(PatientIds.parse(id));
    permissions.require(Action.PATIENT_MERGE);
    try {
      merges.merge(survivor.id(), PatientIds.parse(duplicateId), reason);
      return "redirect:/patients/" + survivor.id() + "?merged";
    } catch (ProblemException e) {
      flash.addFlashAttribute("problem", e.kind());
      return "redirect:/patients/" + survivor.id() + "/merge";
    }
  }
}
