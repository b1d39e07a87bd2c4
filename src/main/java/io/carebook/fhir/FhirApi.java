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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
  ResponseEntity<String> createAppointment(@RequestBody String body) {
    permissions.require(Action.BOOKING);
    var resource = FhirJson.parse(org.hl7.fhir.r4.model.Appointment.class, body);
    var request = booking.read(resource, TenantContext.clinic().value());
    var booked = inTransaction(() -> booking.book(request));
    var created = AppointmentResources.toFhir(booked);
    var version = created.getMeta().getVersionId();
    var location =
        base() + "/Appointment/" + created.getIdElement().getIdPart() + "/_history/" + version;
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create(location))
        .eTag("W/\"" + version + "\"")
        .contentType(FhirJson.FHIR_JSON)
        .body(FhirJson.encode(created));
  }

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
