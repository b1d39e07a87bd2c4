package io.carebook.patients.web;

import io.carebook.patients.imports.PatientImports;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Importing a patient list: upload, preview with each row's errors, import with progress. */
@Controller
class ImportPages {

  private final PatientImports imports;
  private final Permissions permissions;

  ImportPages(PatientImports imports, Permissions permissions) {
    this.imports = imports;
    this.permissions = permissions;
  }

  @GetMapping("/patients/imports")
  String start(Model model) {
    permissions.require(Action.PATIENT_IMPORT);
    model.addAttribute("recent", imports.recent());
    return "patients/imports";
  }

  @PostMapping("/patients/imports")
  String upload(@RequestParam("file") MultipartFile file, RedirectAttributes flash) {
    permissions.require(Action.PATIENT_IMPORT);
    try {
      var name = file.getOriginalFilename() == null ? "patients.csv" : file.getOriginalFilename();
      var uploaded = imports.upload(name, file.getBytes()).patientImport();
      return "redirect:/patients/imports/" + uploaded.id();
    } catch (ProblemException e) {
      flash.addFlashAttribute("problem", e.kind());
      flash.addFlashAttribute(
          "problemDetail", e.errors().isEmpty() ? e.getMessage() : e.errors().getFirst().message());
      return "redirect:/patients/imports";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/patients/imports/{id}")
  String show(@PathVariable String id, Model model) {
    permissions.require(Action.PATIENT_IMPORT);
    var patientImport = imports.get(importId(id));
    model.addAttribute("patientImport", patientImport);
    if (patientImport.status() == io.carebook.patients.imports.PatientImport.Status.PREVIEWED) {
      model.addAttribute("rows", imports.preview(patientImport.id()));
    } else if (patientImport.finished()) {
      model.addAttribute("outcomes", imports.outcomes(patientImport.id()));
    }
    return "patients/import";
  }

  /** The progress bar alone, which the page polls while the import runs. */
  @GetMapping("/patients/imports/{id}/progress")
  String progress(@PathVariable String id, Model model) {
    permissions.require(Action.PATIENT_IMPORT);
    var patientImport = imports.status(importId(id));
    model.addAttribute("patientImport", patientImport);
    if (patientImport.finished()) {
      model.addAttribute("outcomes", imports.outcomes(patientImport.id()));
    }
    return "patients/import :: progress";
  }

  @PostMapping("/patients/imports/{id}/start")
  String run(@PathVariable String id) {
    permissions.require(Action.PATIENT_IMPORT);
    imports.start(importId(id));
    return "redirect:/patients/imports/" + id;
  }

  private static UUID importId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Import");
    }
  }
}
