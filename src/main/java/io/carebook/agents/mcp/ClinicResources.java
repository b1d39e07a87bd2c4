package io.carebook.agents.mcp;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's doctors and service types as MCP resources, for clients that load context before a
 * conversation: {@code carebook://clinic/doctors} and {@code carebook://clinic/service-types}, JSON
 * as clinic_info gives them. Read as the calling agent, in its clinic.
 */
@Component
class ClinicResources {

  static final String DOCTORS = "carebook://clinic/doctors";
  static final String SERVICE_TYPES = "carebook://clinic/service-types";

  private final AgentCalls calls;
  private final ClinicView.Reader views;
  private final ClinicFacts facts;
  private final JsonMapper json;

  ClinicResources(AgentCalls calls, ClinicView.Reader views, ClinicFacts facts, JsonMapper json) {
    this.calls = calls;
    this.views = views;
    this.facts = facts;
    this.json = json;
  }

  List<SyncResourceSpecification> resources() {
    return List.of(
        resource(
            DOCTORS,
            "doctors",
            "The clinic's doctors",
            "Every doctor of the clinic: doctorId (what doctor_id arguments take), name and weekly"
                + " hours (weekday, starts, ends in clinic-local time).",
            view -> facts.doctors(view)),
        resource(
            SERVICE_TYPES,
            "service-types",
            "The clinic's service types",
            "The standard visit (name \"\") and every service type offered: name (what"
                + " service_type arguments take), label, durationMinutes, patientsPerSlot and"
                + " price {amount, currency} where the clinic set one.",
            view -> facts.serviceTypes(view)));
  }

  private SyncResourceSpecification resource(
      String uri,
      String name,
      String title,
      String description,
      Function<ClinicView, List<?>> content) {
    var resource =
        McpSchema.Resource.builder(uri, name)
            .title(title)
            .description(description)
            .mimeType("application/json")
            .build();
    return new SyncResourceSpecification(
        resource,
        (context, request) ->
            calls.resource(
                () ->
                    new McpSchema.ReadResourceResult(
                        List.of(
                            new McpSchema.TextResourceContents(
                                uri,
                                "application/json",
                                json.writeValueAsString(content.apply(views.current())))))));
  }
}
