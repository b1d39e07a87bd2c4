package io.carebook.scheduling.web;

import io.carebook.scheduling.ServiceTypes;
import io.carebook.shared.web.CursorPage;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

@RestController
@Tag(
    name = "Service types",
    description =
        "Named booking rules beside the clinic's default; book or ask availability with"
            + " serviceType=<name>")
class ServiceTypesApi {

  private final ServiceTypes serviceTypes;
  private final Permissions permissions;

  ServiceTypesApi(ServiceTypes serviceTypes, Permissions permissions) {
    this.serviceTypes = serviceTypes;
    this.permissions = permissions;
  }

  /** A service type as the API shows it. */
  record ServiceTypeView(String name, boolean retired, RulesView rules) {
    static ServiceTypeView of(ServiceTypes.ServiceType t) {
      return new ServiceTypeView(t.name(), t.retired(), RulesView.of(t.rules()));
    }
  }

  record NewServiceType(@NotNull String name, @NotNull @Valid RulesView rules) {}

  @GetMapping("/api/v1/service-types")
  @Operation(summary = "The active clinic's service types, retired ones included, by name")
  CursorPage<ServiceTypeView> list(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.PATIENT_VIEW);
    return CursorPage.wholeUnlessLimited(
        serviceTypes.all().stream().map(ServiceTypeView::of).toList(),
        limit,
        cursor,
        ServiceTypeView::name);
  }

  @PostMapping("/api/v1/service-types")
  @Operation(
      summary = "Add a service type with its rules (needs SCHEDULE_EDIT)",
      description =
          "The name (1 to 40 letters, digits, spaces) is the type's key and cannot change; change"
              + " its rules with PUT /api/v1/booking-rules?serviceType=<name>.")
  @IdempotentCreate
  ResponseEntity<ServiceTypeView> add(@Valid @RequestBody NewServiceType body) {
    permissions.require(Action.SCHEDULE_EDIT);
    var added = serviceTypes.add(body.name(), body.rules().rules(""));
    return ResponseEntity.created(
            URI.create(
                "/api/v1/service-types/"
                    + UriUtils.encodePathSegment(
                        added.name(), java.nio.charset.StandardCharsets.UTF_8)))
        .body(ServiceTypeView.of(added));
  }

  record Price(
      @NotNull String serviceType, java.math.@org.jspecify.annotations.Nullable BigDecimal price) {}

  @org.springframework.web.bind.annotation.PutMapping("/api/v1/service-types/price")
  @Operation(
      summary =
          "Set the price a service type shows on the public booking page (needs SCHEDULE_EDIT)",
      description =
          "serviceType \"\" is the standard visit; the price is in the clinic's currency, null"
              + " to show none. If-Match with the ETag of GET"
              + " /api/v1/booking-rules?serviceType= (the type's rules and price are one"
              + " versioned record) refuses a stale write (412); without it the price is set.")
  ResponseEntity<Price> price(
      @Valid @RequestBody Price body,
      @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
          @org.jspecify.annotations.Nullable
          String ifMatch) {
    permissions.require(Action.SCHEDULE_EDIT);
    serviceTypes.setPrice(
        body.serviceType(), body.price(), io.carebook.shared.web.ETags.sent(ifMatch));
    return ResponseEntity.ok()
        .eTag(io.carebook.shared.web.ETags.of(serviceTypes.version(body.serviceType())))
        .body(body);
  }

  @PostMapping("/api/v1/service-types/{name}/retire")
  @Operation(summary = "Retire a service type: offered no more (needs SCHEDULE_EDIT)")
  ServiceTypeView retire(@PathVariable String name) {
    permissions.require(Action.SCHEDULE_EDIT);
    return ServiceTypeView.of(serviceTypes.retire(name, true));
  }

  @PostMapping("/api/v1/service-types/{name}/restore")
  @Operation(summary = "Offer a retired service type again (needs SCHEDULE_EDIT)")
  ServiceTypeView restore(@PathVariable String name) {
    permissions.require(Action.SCHEDULE_EDIT);
    return ServiceTypeView.of(serviceTypes.retire(name, false));
  }
}
