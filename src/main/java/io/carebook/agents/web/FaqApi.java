package io.carebook.agents.web;

import io.carebook.agents.ClinicFaq;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Clinic FAQ",
    description =
        "The active clinic's frequently asked questions, in en, es and ar, which AI agents read"
            + " through the MCP tool clinic_info.")
class FaqApi {

  private static final String EXAMPLE =
      """
      {"items": [{"language": "en", "question": "Is there parking?",
                  "answer": "Yes, free parking behind the building."},
                 {"language": "es", "question": "¿Hay estacionamiento?",
                  "answer": "Sí, gratuito detrás del edificio."}]}""";

  private final ClinicFaq faq;
  private final Permissions permissions;

  FaqApi(ClinicFaq faq, Permissions permissions) {
    this.faq = faq;
    this.permissions = permissions;
  }

  /** One question and its answer, in en, es or ar. */
  record FaqEntry(@Nullable String language, @Nullable String question, @Nullable String answer) {

    static FaqEntry of(ClinicFaq.Entry entry) {
      return new FaqEntry(entry.language(), entry.question(), entry.answer());
    }

    ClinicFaq.Entry entry() {
      return new ClinicFaq.Entry(
          Objects.toString(language, ""),
          Objects.toString(question, ""),
          Objects.toString(answer, ""));
    }
  }

  /** The whole FAQ, in the clinic's order per language. */
  record Faq(@NotNull List<@NotNull FaqEntry> items) {

    static Faq of(List<ClinicFaq.Entry> entries) {
      return new Faq(entries.stream().map(FaqEntry::of).toList());
    }
  }

  @GetMapping("/api/v1/faq")
  @Operation(
      summary = "The active clinic's FAQ (any member or key of the clinic)",
      description =
          "Every entry, by language in the clinic's order; with language=en|es|ar only that"
              + " language's. The ETag names this version of the whole FAQ.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(examples = @ExampleObject(name = "faq", value = EXAMPLE))))
  ResponseEntity<Faq> read(@RequestParam(required = false) @Nullable String language) {
    var all = faq.all();
    var items =
        language == null || language.isBlank()
            ? all
            : all.stream().filter(e -> e.language().equals(language.strip())).toList();
    return ResponseEntity.ok().eTag(ETags.of(version(all))).body(Faq.of(items));
  }

  @PutMapping("/api/v1/faq")
  @Operation(
      summary = "Replace the active clinic's FAQ (needs SETTINGS_MANAGE)",
      description =
          "At most 60 entries; language en, es or ar; question 1-300 and answer 1-2000"
              + " characters. If-Match (optional) with the ETag read refuses a stale write (412).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(examples = @ExampleObject(name = "faq", value = EXAMPLE))))
  ResponseEntity<Faq> replace(
      @Valid @RequestBody Faq body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.SETTINGS_MANAGE);
    var expected = ETags.optional(ifMatch);
    if (expected != null && expected != version(faq.all())) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          "stale-write",
          "The FAQ changed since you read it; read it again and retry.");
    }
    var items = faq.replace(body.items().stream().map(FaqEntry::entry).toList());
    return ResponseEntity.ok().eTag(ETags.of(version(items))).body(Faq.of(items));
  }

  /** A version of the whole FAQ: the hash of its entries (List's hash is specified). */
  private static int version(List<ClinicFaq.Entry> entries) {
    return entries.stream()
            .map(e -> List.of(e.language(), e.question(), e.answer()))
            .toList()
            .hashCode()
        & Integer.MAX_VALUE;
  }
}
