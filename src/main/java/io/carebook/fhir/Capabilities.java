package io.carebook.fhir;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * The CapabilityStatement at {@code /metadata}: exactly the types served, each with read and
 * search-type and its search parameters. Served without authentication, as FHIR servers do: it says
 * what the server can do, nothing about any organization.
 */
@Component
class Capabilities {

  private final List<ResourceType> types;

  Capabilities(List<ResourceType> types) {
    this.types = types.stream().sorted(Comparator.comparing(ResourceType::name)).toList();
  }

  CapabilityStatement statement(String base) {
    var statement = new CapabilityStatement();
    statement.setId("carebook");
    statement.setUrl(base + "/metadata");
    statement.setName("Carebook");
    statement.setTitle("Carebook FHIR R4 read, search and booking");
    statement.setStatus(PublicationStatus.ACTIVE);
    statement.setExperimental(false);
    statement.setDate(new Date());
    statement.setPublisher("Carebook");
    statement.setKind(CapabilityStatementKind.INSTANCE);
    statement.getSoftware().setName("Carebook");
    statement
        .getImplementation()
        .setDescription(
            "The organization of the caller's key or token: read and search, and Appointment"
                + " create (a booking)")
        .setUrl(base);
    statement.setFhirVersion(FHIRVersion._4_0_1);
    statement.addFormat("application/fhir+json");
    var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
    rest.setDocumentation(
        "Read and search; Appointment also create (a booking). Each search takes _count (20 unless given, at most 100) and pages"
            + " with the opaque _cursor of its next link (appointments and encounters by date"
            + " are read page by page in the database, after the last match's key). The total is"
            + " given when the search knows it (the first page of a search that holds every match;"
            + " patients up to "
            + Paging.MAX_MATCHES
            + "). An unknown parameter answers 400 with an OperationOutcome.");
    rest.getSecurity()
        .setDescription(
            "Authorization: Bearer <access token>, or X-API-Key: <key> (an API key of one clinic)."
                + " Each type needs the permission its module's own API asks; reads of health data"
                + " are logged in the organization's audit trail.");
    for (var type : types) {
      var resource = rest.addResource().setType(type.name());
      resource.setProfile("http://hl7.org/fhir/StructureDefinition/" + type.name());
      resource.addInteraction().setCode(TypeRestfulInteraction.READ);
      resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
      if (type.name().equals("Appointment")) {
        resource
            .addInteraction()
            .setCode(TypeRestfulInteraction.CREATE)
            .setDocumentation(
                "Books through the clinic's booking rules: participants Patient/{id} and"
                    + " Practitioner/{id} (and optionally Location/{id}, the caller's clinic),"
                    + " start, optionally one serviceType and end or minutesDuration (the"
                    + " service's length). Needs the BOOKING permission. A refusal answers 409 (or"
                    + " 400) with an OperationOutcome whose issue.details names the refusing rule"
                    + " (system "
                    + FhirJson.POLICY_SYSTEM
                    + "). Accepts Idempotency-Key, and If-None-Exist with Appointment's search"
                    + " parameters (one match answers it with 200, more than one 412).");
        resource.setVersioning(ResourceVersionPolicy.VERSIONED);
        resource.setConditionalCreate(true);
      } else {
        resource.setVersioning(ResourceVersionPolicy.NOVERSION);
      }
      resource.setReadHistory(false);
      resource.setUpdateCreate(false);
      for (var parameter : type.searchParameters()) {
        resource
            .addSearchParam()
            .setName(parameter.name())
            .setType(parameter.type())
            .setDocumentation(parameter.documentation());
      }
    }
    return statement;
  }
}
