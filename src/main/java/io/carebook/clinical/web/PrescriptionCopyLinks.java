package io.carebook.clinical.web;

import io.carebook.clinical.PrescriptionCopies;
import io.carebook.shared.NotFoundException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: the patient's own copy of a prescription, behind the private link sent to them. */
@RestController
class PrescriptionCopyLinks {

  private final PrescriptionCopies copies;

  PrescriptionCopyLinks(PrescriptionCopies copies) {
    this.copies = copies;
  }

  @GetMapping("/verify/rx/copy/{token}")
  ResponseEntity<byte[]> copy(
      @PathVariable String token, @RequestParam(required = false) @Nullable String lang) {
    return copies
        .pdf(token, lang == null ? null : Locale.forLanguageTag(lang))
        .map(
            pdf ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=prescription.pdf")
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .body(pdf))
        .orElseThrow(() -> new NotFoundException("Prescription"));
  }
}
