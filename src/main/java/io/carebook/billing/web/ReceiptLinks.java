package io.carebook.billing.web;

import io.carebook.billing.InvoiceCopies;
import io.carebook.shared.Ids;
import io.carebook.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patient's copy of an invoice and receipt: sent from the desk as a private link that opens the
 * PDF without signing in.
 */
@RestController
@Tag(name = "Billing")
class ReceiptLinks {

  private final InvoiceCopies copies;

  ReceiptLinks(InvoiceCopies copies) {
    this.copies = copies;
  }

  @PostMapping("/api/v1/invoices/{id}/send")
  @Operation(
      summary = "Send the patient their invoice and receipt (needs PAYMENT_RECORD)",
      description =
          "A private link to the PDF, valid 90 days, goes out on the patient's channel (e-mail,"
              + " SMS or WhatsApp) in their language. Answers the link; 409 for a draft.")
  ResponseEntity<Map<String, String>> send(@PathVariable String id) {
    return ResponseEntity.accepted().body(Map.of("url", copies.send(Ids.parse(id, "Invoice"))));
  }

  @GetMapping("/receipts/{token}")
  ResponseEntity<byte[]> receipt(
      @PathVariable String token, @RequestParam(required = false) @Nullable String lang) {
    return copies
        .pdf(token, lang == null ? null : Locale.forLanguageTag(lang))
        .map(
            pdf ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=receipt.pdf")
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .body(pdf))
        .orElseThrow(() -> new NotFoundException("Receipt"));
  }
}
