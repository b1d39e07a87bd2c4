package io.carebook.clinical.web;

import io.carebook.clinical.Prescribing;
import io.carebook.clinical.Prescription;
import io.carebook.clinical.PrescriptionDocuments;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The prescriptions part of the encounter page: drafts item by item with the safety warnings to
 * acknowledge, finalizing, addenda, sending a copy, and printing.
 */
@Controller
@FinishesTodaysVisits
class PrescriptionPages {

  private final Prescribing prescribing;
  private final io.carebook.clinical.PrescriptionCopies copies;
  private final PrescriptionDocuments documents;

  PrescriptionPages(
      Prescribing prescribing,
      PrescriptionDocuments documents,
      io.carebook.clinical.PrescriptionCopies copies) {
    this.copies = copies;
    this.prescribing = prescribing;
    this.documents = documents;
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions")
  String newPrescription(@PathVariable String visitId, RedirectAttributes redirect) {
    return PageForms.attempt(
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
        redirect.addFlashAttribute("warnings", PageForms.warnings(e));
      } else {
        PageForms.problem(redirect, "prescriptions", e);
      }
    }
    return PageForms.back(visitId);
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/items/{item}/void")
  String voidItem(
      @PathVariable String visitId,
      @PathVariable String id,
      @PathVariable String item,
      RedirectAttributes redirect) {
    return PageForms.attempt(
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
    return PageForms.attempt(
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
    return PageForms.attempt(
        visitId,
        redirect,
        "prescriptions",
        () -> prescribing.addAddendum(Ids.parse(id, "Prescription"), body));
  }

  @PostMapping("/visits/{visitId}/encounter/prescriptions/{id}/send")
  String send(@PathVariable String visitId, @PathVariable String id, RedirectAttributes redirect) {
    return PageForms.attempt(
        visitId,
        redirect,
        "prescriptions",
        () -> {
          copies.send(Ids.parse(id, "Prescription"));
          redirect.addFlashAttribute("done", "sent");
        });
  }

  @GetMapping("/prescriptions/{id}/pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id, @RequestParam(required = false) @Nullable String lang) {
    // the patient's language (or the clinic's), not the page's: ?lang= only when asked for
    var pdf =
        documents.pdf(
            Ids.parse(id, "Prescription"), lang == null ? null : Locale.forLanguageTag(lang));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename("prescription.pdf").build().toString())
        .body(pdf);
  }
}
