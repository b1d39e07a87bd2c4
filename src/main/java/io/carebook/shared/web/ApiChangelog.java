package io.carebook.shared.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's machine-readable changelog (src/main/resources/api/changelog.json): every operation
 * added, changed, deprecated or removed, with its day. Public, like the OpenAPI document.
 */
@RestController
@Tag(name = "API", description = "The API about itself: its changelog")
class ApiChangelog {

  static final String RESOURCE = "api/changelog.json";

  private final byte[] changelog;

  ApiChangelog() {
    try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
      this.changelog = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping(value = "/api/v1/changelog", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The API's changelog: operations added, changed, deprecated, removed (public)",
      description =
          "Newest first. Each entry has a date, a type (baseline, added, changed, deprecated,"
              + " removed), the operations it concerns ('GET /api/v1/patients') and a summary;"
              + " a deprecated one names its sunset. See docs/api/versioning.md.")
  @ApiResponse(
      responseCode = "200",
      description = "The changelog",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"api": "Carebook API", "version": "v1", "entries": [
                            {"date": "2026-12-07", "type": "added",
                             "operations": ["GET /api/v1/changelog"],
                             "summary": "The API's changelog, served."}]}""")))
  ResponseEntity<byte[]> changelog() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(changelog);
  }
}
