package io.carebook.shared.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes the API's conventions into the OpenAPI document, so that every operation, old or new,
 * shows them without annotations of its own: the problem responses (RFC 9457) it may answer, the
 * {@code Idempotency-Key} every POST accepts, {@code deprecated} with the dates of an {@link
 * ApiDeprecated} operation, the {@code ETag} of GET answers, and an example of every JSON request
 * and answer ({@link ApiExamples}). ApiConventionsTests reads the document back and holds each
 * operation to docs/api/conventions.md.
 */
@Configuration(proxyBeanMethods = false)
class ApiConventions {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OperationCustomizer apiOperationConventions() {
    return (operation, handler) -> {
      deprecation(operation, handler);
      if (methods(handler).contains(RequestMethod.POST)
          && !hasHeader(operation, "Idempotency-Key")) {
        operation.addParametersItem(
            new HeaderParameter()
                .name("Idempotency-Key")
                .required(false)
                .description(
                    "Any unique string (a UUID) of 1 to 200 characters. Within an organization a"
                        + " retry with the same key and body answers the first answer again"
                        + " (Idempotent-Replayed: true) instead of acting twice; the same key with"
                        + " another body is 422. Kept 24 hours.")
                .schema(new StringSchema().maxLength(200).example("5f0c6a3e-7d1b-4d0e-9a43-2b1e")));
      }
      return operation;
    };
  }

  @Bean
  OpenApiCustomizer apiDocumentConventions() {
    return openApi -> {
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      var examples = new ApiExamples(openApi.getComponents().getSchemas());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            problems(operation, method);
                            etag(operation, method);
                            examples.fill(method + " " + path, operation);
                          }));
    };
  }

  private static void deprecation(Operation operation, HandlerMethod handler) {
    var deprecated = handler.getMethodAnnotation(ApiDeprecated.class);
    if (deprecated == null) {
      return;
    }
    operation.setDeprecated(true);
    var note =
        "Deprecated since "
            + deprecated.since()
            + "; answers until "
            + deprecated.sunset()
            + (deprecated.successor().isBlank() ? "" : "; use " + deprecated.successor() + ".");
    operation.setDescription(
        operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
  }

  private static java.util.List<RequestMethod> methods(HandlerMethod handler) {
    var mapping =
        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
    return mapping == null ? java.util.List.of() : java.util.List.of(mapping.method());
  }

  private static boolean hasHeader(Operation operation, String name) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
  }

  /** The problems any operation may answer, and those its preconditions add. */
  private static void problems(Operation operation, PathItem.HttpMethod method) {
    var answers = new LinkedHashMap<String, String>();
    answers.put("400", "invalid-input: a field, parameter or cursor is not valid ('errors')");
    answers.put("401", "unauthorized: no valid access token or API key");
    answers.put("403", "forbidden: the role or key lacks the permission named in the summary");
    answers.put("404", "not-found: no such record in this organization (another's too)");
    answers.put("429", "too-many-requests: wait for Retry-After");
    if (hasHeader(operation, "If-Match")) {
      answers.put("412", "stale-write: If-Match does not name the current version");
      answers.put("428", "if-match-required: send the ETag you read as If-Match");
    }
    if (method == PathItem.HttpMethod.POST) {
      answers.put(
          "409", "conflict: the record's state refuses it, or the same Idempotency-Key still runs");
      answers.put("422", "idempotency-key-reused: the key came with another body");
    }
    answers.put("503", "unavailable: the service is overloaded; retry after Retry-After");
    answers.forEach(
        (status, description) -> {
          if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
          }
          operation
              .getResponses()
              .addApiResponse(
                  status,
                  new ApiResponse()
                      .description(description)
                      .content(
                          new Content()
                              .addMediaType(
                                  PROBLEM_JSON,
                                  new MediaType()
                                      .schema(
                                          new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                                      .example(problemExample(status, description)))));
        });
  }

  private static void etag(Operation operation, PathItem.HttpMethod method) {
    if (method != PathItem.HttpMethod.GET && !hasHeader(operation, "If-Match")) {
      return;
    }
    var ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
    if (ok != null && (ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag"))) {
      ok.addHeaderObject(
          "ETag",
          new Header()
              .description(
                  "The version read; send it back as If-Match to change the record, or as"
                      + " If-None-Match to be answered 304 when nothing changed")
              .schema(new StringSchema().example("\"3\"")));
    }
  }

  private static Map<String, Object> problemExample(String status, String description) {
    var kind = description.substring(0, description.indexOf(':')).split(" ")[0];
    var example = new LinkedHashMap<String, Object>();
    example.put("type", "/problems/" + kind);
    example.put("title", description.substring(description.indexOf(':') + 1).strip());
    example.put("status", Integer.parseInt(status));
    example.put("detail", description.substring(description.indexOf(':') + 1).strip());
    if ("400".equals(status)) {
      example.put(
          "errors",
          java.util.List.of(Map.of("field", "limit", "message", "must be between 1 and 200")));
    }
    return example;
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem: 'type' is stable, the rest is for people")
        .addProperty("type", new StringSchema().example("/problems/invalid-input"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty(
            "errors",
            new ArraySchema()
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
  }
}
