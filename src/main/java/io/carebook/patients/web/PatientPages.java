package io.carebook.patients.web;

import io.carebook.patients.DuplicatePatientException;
import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The patient list with search as you type, registration, and a patient's page. */
@Controller
class PatientPages {

  private final PatientDirectory directory;
  private final Permissions permissions;

  PatientPages(PatientDirectory directory, Permissions permissions) {
    this.directory = directory;
    this.permissions = permissions;
  }

  /** The registration form as typed at the desk. */
  record PatientForm(
      @NotBlank @Size(max = 200) String fullName,
      @Size(max = 40) @Nullable String phone,
      @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateOfBirth,
      Patient.@Nullable Sex sex) {}

  @GetMapping("/patients")
  String list(@RequestParam(defaultValue = "") String q, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    model.addAttribute("q", q);
    model.addAttribute("page", directory.search(q, 50, null));
    return "patients/list";
  }

  @GetMapping("/patients/search")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    model.addAttribute("q", q);
    model.addAttribute("page", directory.search(q, 50, null));
    return "patients/list :: results";
  }

  @GetMapping("/patients/new")
  String form(Model model) {
    permissions.require(Action.PATIENT_REGISTER);
    model.addAttribute("form", new PatientForm("", "", null, null));
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
      var patient =
          directory.register(
              new NewPatient(form.fullName(), form.phone(), form.dateOfBirth(), form.sex()));
      return "redirect:/patients/" + patient.id() + "?registered";
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
    model.addAttribute(
        "household", phone.isBlank() ? java.util.List.of() : directory.sharingPhone(phone));
    return "patients/form :: household";
  }

  @GetMapping("/patients/{id}")
  String show(@PathVariable String id, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    model.addAttribute("patient", directory.chart(PatientIds.parse(id)));
    return "patients/show";
  }
}
