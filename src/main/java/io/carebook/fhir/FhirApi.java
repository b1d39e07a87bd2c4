package io.carebook.fhir;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Hidden;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * FHIR R4's read ({@code GET /api/fhir/r4/{Type}/{id}}) and search ({@code GET
 * /api/fhir/r4/{Type}?…}) interactions and the CapabilityStatement ({@code /metadata}), behind the
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

  FhirApi(
      List<ResourceType> types,
      Permissions permissions,
      AccessLog log,
      PlatformTransactionManager transactions,
      Capabilities capabilities) {
    this.types = types.stream().collect(Collectors.toMap(ResourceType::name, Function.identity()));
    this.permissions = permissions;
    this.log = log;
    this.transaction = new TransactionTemplate(transactions);
    this.capabilities = capabilities;
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
    return FhirJson.ok(resource);
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
