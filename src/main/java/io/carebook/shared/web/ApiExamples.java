package io.carebook.shared.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An example for every JSON request and answer of the OpenAPI document: written by hand for the
 * operations an integrator meets first ({@link #WRITTEN}, keyed {@code "post /api/v1/…"}), and
 * otherwise drawn from the schema itself (each field's own example, else a plausible value for its
 * type, format and name), so that a new operation has one without anyone remembering to add it.
 */
final class ApiExamples {

  private static final String UUID = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

  /** Examples written by hand: request body and answer, by operation. */
  private static final Map<String, Written> WRITTEN =
      Map.of(
          "post /api/v1/appointments",
          new Written(
              Map.of(
                  "doctorId",
                  UUID,
                  "startsAt",
                  "2026-12-14T09:30:00Z",
                  "serviceType",
                  "Consultation",
                  "patient",
                  Map.of("fullName", "Amina Hassan", "phone", "+201001234567")),
              null),
          "post /api/v1/appointments/negotiate",
          new Written(
              Map.of(
                  "doctorId", UUID,
                  "startsAt", "2026-12-14T09:30:00Z",
                  "patientId", "5d7e8f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
              null),
          "post /api/v1/patients",
          new Written(
              Map.of(
                  "fullName", "Amina Hassan",
                  "phone", "01001234567",
                  "dateOfBirth", "1988-04-02",
                  "sex", "FEMALE"),
              null),
          "post /api/v1/tokens",
          new Written(Map.of("email", "owner@example.com", "password", "a long passphrase"), null));

  record Written(@Nullable Object request, @Nullable Object response) {}

  @SuppressWarnings("rawtypes")
  private final Map<String, Schema> components;

  @SuppressWarnings("rawtypes")
  ApiExamples(@Nullable Map<String, Schema> components) {
    this.components = components == null ? Map.of() : components;
  }

  /** Adds the missing examples of {@code operation} ({@code "get /api/v1/…"}). */
  void fill(String key, Operation operation) {
    var written = WRITTEN.get(key.toLowerCase(Locale.ROOT));
    if (operation.getRequestBody() != null) {
      fill(operation.getRequestBody().getContent(), written == null ? null : written.request());
    }
    if (operation.getResponses() != null) {
      operation
          .getResponses()
          .forEach(
              (status, response) -> {
                if (status.startsWith("2")) {
                  fill(response.getContent(), written == null ? null : written.response());
                }
              });
    }
  }

  private void fill(@Nullable Content content, @Nullable Object written) {
    if (content == null) {
      return;
    }
    content.forEach(
        (type, media) -> {
          if (!type.contains("json") && !type.equals("*/*")) {
            return;
          }
          if (media.getExample() != null
              || (media.getExamples() != null && !media.getExamples().isEmpty())) {
            return;
          }
          var example = written != null ? written : example(media.getSchema(), "", 0);
          if (example != null) {
            media.setExample(example);
          }
        });
  }

  /** A plausible value of {@code schema}, for a field called {@code name}. */
  @Nullable Object example(@Nullable Schema<?> schema, String name, int depth) {
    if (schema == null || depth > 6) {
      return null;
    }
    if (schema.getExample() != null) {
      return schema.getExample();
    }
    if (schema.get$ref() != null) {
      var ref = schema.get$ref();
      return example(components.get(ref.substring(ref.lastIndexOf('/') + 1)), name, depth + 1);
    }
    for (var composed :
        List.of(listOf(schema.getAllOf()), listOf(schema.getOneOf()), listOf(schema.getAnyOf()))) {
      if (!composed.isEmpty()) {
        return example(composed.getFirst(), name, depth + 1);
      }
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().getFirst();
    }
    var type = type(schema);
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      var object = new LinkedHashMap<String, Object>();
      schema
          .getProperties()
          .forEach(
              (field, property) -> {
                var value = example(property, field, depth + 1);
                object.put(field, value);
              });
      return object;
    }
    if ("array".equals(type)) {
      var item = example(schema.getItems(), singular(name), depth + 1);
      return item == null ? List.of() : List.of(item);
    }
    if ("object".equals(type) || type == null) {
      if (schema.getAdditionalProperties() instanceof Schema<?> values) {
        var value = example(values, name, depth + 1);
        return value == null ? Map.of() : Map.of("key", value);
      }
      return type == null ? null : Map.of();
    }
    return switch (type) {
      case "integer" -> 1;
      case "number" -> new BigDecimal("250.00");
      case "boolean" -> true;
      default -> text(schema.getFormat(), name);
    };
  }

  private static <T> List<T> listOf(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  private static @Nullable String type(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }
    return null;
  }

  private static String singular(String name) {
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  private static String text(@Nullable String format, String name) {
    if (format != null) {
      switch (format) {
        case "uuid" -> {
          return UUID;
        }
        case "date" -> {
          return "2026-12-14";
        }
        case "date-time" -> {
          return "2026-12-14T09:30:00Z";
        }
        case "email" -> {
          return "amina@example.com";
        }
        case "uri" -> {
          return "https://example.com/";
        }
        default -> {}
      }
    }
    var field = name.toLowerCase(Locale.ROOT);
    if (field.endsWith("id") || field.endsWith("ids")) {
      return UUID;
    }
    if (field.contains("phone")) {
      return "+201001234567";
    }
    if (field.contains("email")) {
      return "amina@example.com";
    }
    if (field.contains("name")) {
      return "Amina Hassan";
    }
    if (field.contains("currency")) {
      return "EGP";
    }
    if (field.endsWith("at") || field.contains("time")) {
      return "2026-12-14T09:30:00Z";
    }
    if (field.contains("date") || field.equals("day")) {
      return "2026-12-14";
    }
    if (field.contains("amount") || field.contains("price")) {
      return "250.00";
    }
    if (field.contains("reason")) {
      return "the patient asked";
    }
    return "text";
  }
}
