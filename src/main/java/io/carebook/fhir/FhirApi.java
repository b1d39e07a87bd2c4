package io.carebook.fhir;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * FHIR R4's read ({@code GET /api/fhir/r4/{Type}/{id}}) and search ({@code GET
 * /api/fhir/r4/{Type}?…}) interactions, Appointment's create ({@code POST
 * /api/fhir/r4/Appointment}, a booking) and the CapabilityStatement ({@code /metadata}), behind the
 * API's own security chain. A read and its access-log entries commit together. Left out of the
 * OpenAPI document: FHIR clients read the CapabilityStatement instead.
 */
@Hidden
@RestController
class FhirApi {

  static final String BASE = "/api/fhir/r4";

  private final Map<String, ResourceType> types;
  private final Permissions permissions;
  private final AccessLog log;
  private final TransactionTemplate transaction;
  private final Capabilities capabilities;
  private final AppointmentBooking booking;

  FhirApi(
      List<ResourceType> types,
      Permissions permissions,
      AccessLog log,
      PlatformTransactionManager transactions,
      Capabilities capabilities,
      AppointmentBooking booking) {
    this.types = types.stream().collect(Collectors.toMap(ResourceType::name, Function.identity()));
    this.permissions = permissions;
    this.log = log;
    this.transaction = new TransactionTemplate(transactions);
    this.capabilities = capabilities;
    this.booking = booking;
  }

  @GetMapping(BASE + "/metadata")
  ResponseEntity<String> metadata() {
    return FhirJson.ok(capabilities.statement(base()));
  }

  @GetMapping(BASE + "/{type}/{id}")
  ResponseEntity<String> read(@PathVariable String type, @PathVariable String id) {
    var resourceType = named(type);
    permissions.require(resourceType.action());
    var resource =
        inTransaction(
            () -> {
              var read = resourceType.read(id);
              log.viewed(resourceType, List.of(read));
              return read;
            });
    var response = FhirJson.ok(resource);
    var version = resource.getMeta().getVersionId();
    return version == null
        ? response
        : ResponseEntity.ok()
            .eTag("W/\"" + version + "\"")
            .contentType(FhirJson.FHIR_JSON)
            .body(response.getBody());
  }

  @GetMapping(BASE + "/{type}")
  ResponseEntity<String> search(
      @PathVariable String type, @RequestParam MultiValueMap<String, String> params) {
    var resourceType = named(type);
    var query = SearchQuery.of(params, resourceType);
    permissions.require(resourceType.action());
    var base = base();
    var page =
        inTransaction(
            () -> {
              var found = Paging.page(base, type, query, resourceType.search(query));
              log.viewed(resourceType, found.items());
              return found;
            });
    return FhirJson.ok(page.bundle());
  }

  /**
   * FHIR's create of an Appointment: a booking through scheduling's one booking path, under the
   * API's booking permission; 201 with the booked resource, its {@code Location} (with its version)
   * and its version as a weak ETag. An {@code Idempotency-Key} works as on /api/v1's booking: the
   * key, the booking and its answer commit together.
   */
  @PostMapping(
      path = BASE + "/Appointment",
      consumes = {"application/fhir+json", "application/json"})
  @IdempotentCreate
  ResponseEntity<String> createAppointment(
      @RequestBody String body,
      @RequestHeader(name = "If-None-Exist", required = false) @Nullable String ifNoneExist) {
    permissions.require(Action.BOOKING);
    var resource = FhirJson.parse(org.hl7.fhir.r4.model.Appointment.class, body);
    var request = booking.read(resource, TenantContext.clinic().value());
    var existing = ifNoneExist == null ? null : condition(ifNoneExist);
    var outcome =
        inTransaction(
            () -> {
              if (existing != null) {
                var found = types.get("Appointment").search(existing).items();
                if (found.size() > 1) {
                  throw new ProblemException(
                      HttpStatus.PRECONDITION_FAILED,
                      "conditional-create-ambiguous",
                      "If-None-Exist matches more than one Appointment; nothing was booked.");
                }
                if (found.size() == 1) {
                  var match = (org.hl7.fhir.r4.model.Appointment) found.getFirst();
                  log.viewed(types.get("Appointment"), List.of(match));
                  return new Created(match, false);
                }
              }
              return new Created(AppointmentResources.toFhir(booking.book(request)), true);
            });
    var created = outcome.created();
    var appointment = outcome.appointment();
    var version = appointment.getMeta().getVersionId();
    var location =
        base() + "/Appointment/" + appointment.getIdElement().getIdPart() + "/_history/" + version;
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create(location))
        .eTag("W/\"" + version + "\"")
        .contentType(FhirJson.FHIR_JSON)
        .body(FhirJson.encode(appointment));
  }

  /**
   * The search an {@code If-None-Exist} header names (Appointment's search parameters, as a query
   * string), asking for two matches: none books, one answers it (200), more is 412.
   */
  private SearchQuery condition(String header) {
    var text = header.strip();
    text = text.startsWith("?") ? text.substring(1) : text;
    if (text.startsWith("Appointment?")) {
      text = text.substring("Appointment?".length());
    }
    var params = new LinkedMultiValueMap<String, String>();
    UriComponentsBuilder.newInstance()
        .query(text)
        .build()
        .getQueryParams()
        .forEach(
            (name, values) ->
                values.forEach(v -> params.add(decode(name), v == null ? "" : decode(v))));
    if (params.isEmpty()) {
      throw ProblemException.invalid(
          "If-None-Exist",
          "must name search parameters, e.g. patient=Patient/{id}&date=2026-03-01");
    }
    params.remove("_count");
    params.remove("_cursor");
    params.add("_count", "2");
    return SearchQuery.of(params, types.get("Appointment"));
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The appointment answered, and whether it was booked now (else If-None-Exist found it). */
  private record Created(org.hl7.fhir.r4.model.Appointment appointment, boolean created) {}

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<String> problem(ProblemException e) {
    return FhirJson.outcome(e);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return FhirJson.notFound(e.getMessage());
  }

  private ResourceType named(String type) {
    var resourceType = types.get(type);
    if (resourceType == null) {
      throw new ProblemException(
          HttpStatus.NOT_FOUND,
          "not-found",
          "This server does not serve " + type + "; see " + BASE + "/metadata");
    }
    return resourceType;
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    var result = transaction.execute(status -> work.get());
    if (result == null) {
      throw new IllegalStateException("the read returned nothing");
    }
    return result;
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).build().toUriString();
  }
}
