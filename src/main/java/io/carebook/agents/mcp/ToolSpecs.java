package io.carebook.agents.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small builders for the tools' JSON schemas and specifications. */
final class ToolSpecs {

  private ToolSpecs() {}

  /**
   * A tool's kind, as the MCP annotations tell a client (which may ask a person before a write).
   */
  enum Kind {
    READS,
    WRITES,
    DESTROYS
  }

  /** A group of the server's tools. */
  interface Tools {
    List<SyncToolSpecification> tools();
  }

  static SyncToolSpecification tool(
      String name,
      String title,
      String description,
      Map<String, Object> inputSchema,
      Kind kind,
      Function<Arguments, CallToolResult> handler) {
    var annotations =
        McpSchema.ToolAnnotations.builder()
            .title(title)
            .readOnlyHint(kind == Kind.READS)
            .destructiveHint(kind == Kind.DESTROYS)
            .idempotentHint(kind == Kind.READS)
            .openWorldHint(false)
            .build();
    var tool =
        McpSchema.Tool.builder(name, inputSchema)
            .title(title)
            .description(description)
            .annotations(annotations)
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (McpTransportContext context, McpSchema.CallToolRequest request) ->
                handler.apply(new Arguments(request.arguments())))
        .build();
  }

  /** An object schema: its properties, in order, and which are required. */
  static Map<String, Object> object(Map<String, Object> properties, String... required) {
    var schema = new LinkedHashMap<String, Object>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (required.length > 0) {
      schema.put("required", List.of(required));
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /** Properties in the order given: name, schema, name, schema… */
  static Map<String, Object> properties(Object... namesAndSchemas) {
    var properties = new LinkedHashMap<String, Object>();
    for (var i = 0; i < namesAndSchemas.length; i += 2) {
      properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
    }
    return properties;
  }

  static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  static Map<String, Object> string(String description, String format) {
    return Map.of("type", "string", "format", format, "description", description);
  }

  static Map<String, Object> oneOf(String description, String... values) {
    return Map.of("type", "string", "enum", List.of(values), "description", description);
  }

  static Map<String, Object> integer(String description, int minimum, int maximum) {
    return Map.of(
        "type", "integer", "minimum", minimum, "maximum", maximum, "description", description);
  }

  // the arguments several tools share, described once

  static final Map<String, Object> APPOINTMENT_ID =
      string(
          "The appointment's id (a UUID), as book_appointment or upcoming_appointments gave it.",
          "uuid");

  static final Map<String, Object> SLOT_ID =
      string(
          "A slotId exactly as find_availability or a refusal's alternatives gave it, e.g."
              + " \"5f0c…@2026-12-08T07:30:00Z\". Names the doctor and the start at once.");

  static final Map<String, Object> STARTS_AT =
      string(
          "The start: ISO-8601 with an offset (\"2026-12-08T09:30:00+02:00\") or the clinic's"
              + " local date and time without one (\"2026-12-08T09:30\"). Use slot_id instead"
              + " when you have one.");

  static final Map<String, Object> SERVICE_TYPE =
      string(
          "A service type's exact name from clinic_info or carebook://clinic/service-types (e.g."
              + " \"Follow-up\"); omit it for the clinic's standard visit.");

  static final Map<String, Object> IDEMPOTENCY_KEY =
      string(
          "Optional: a unique string you choose per intended action (e.g. a UUID); sending the"
              + " same key again returns the first answer instead of acting twice, so a call"
              + " whose answer was lost can be retried safely. Kept for 24 hours; the same key"
              + " with other arguments is refused (/problems/idempotency-key-reused).");
}
