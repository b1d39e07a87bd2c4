package io.carebook.agents.mcp;

import io.carebook.scheduling.SlotTakenException;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Problems;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.IdempotentCalls;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.WriteGuard;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs each tool call as the agent whose key the request carried, and answers as MCP expects: a
 * result, or a tool error carrying the problem a REST call would have answered ({@code type},
 * {@code status}, {@code detail}, {@code errors}, and a booking refusal's {@code policy} and {@code
 * alternatives}) — never an exception the agent cannot read.
 *
 * <p>The tenant: the MCP servlet sits behind the {@code /api/**} security chain, whose edge binds
 * the key's scope (AGENT, the key's clinic, the key's id as the actor) and its permissions for the
 * request, on the request's thread. The stateless transport answers each POST on that thread and
 * the server runs tools without offloading them ({@code immediateExecution}), so the scope is bound
 * when a tool runs; if it ever is not (a thread hop), the call is refused, never run without a
 * tenant or as anyone else.
 */
@Component
class AgentCalls {

  private static final Logger log = LoggerFactory.getLogger(AgentCalls.class);

  private final Permissions permissions;
  private final WriteGuard writeGuard;
  private final ClinicView.Reader views;
  private final JsonMapper json;
  private final IdempotentCalls idempotent;

  AgentCalls(
      Permissions permissions,
      WriteGuard writeGuard,
      ClinicView.Reader views,
      JsonMapper json,
      IdempotentCalls idempotent) {
    this.permissions = permissions;
    this.writeGuard = writeGuard;
    this.views = views;
    this.json = json;
    this.idempotent = idempotent;
  }

  /** A call that reads: needs {@code action} (null: any key of the clinic). */
  CallToolResult read(@Nullable Action action, Supplier<Map<String, Object>> work) {
    return call(action, false, () -> new Answer(work.get(), false));
  }

  /**
   * A call that writes: needs {@code action}, and a clinic whose subscription allows writing. With
   * an {@code idempotency_key} argument it acts once per key, as the API's {@code Idempotency-Key}
   * (the key claimed where the API claims it for the same work, {@code claim}): the same call again
   * answers the first answer (marked {@value #REPLAYED} in its {@code _meta}), another call with
   * the key is refused.
   */
  CallToolResult write(
      Action action,
      String tool,
      Arguments args,
      IdempotentCalls.Claim claim,
      Supplier<Map<String, Object>> work) {
    return call(action, true, () -> once(tool, args, claim, work));
  }

  static final String REPLAYED = "io.carebook/idempotent-replayed";

  /** A tool's answer, and whether it is the kept answer of an idempotency key's first call. */
  private record Answer(Map<String, Object> content, boolean replayed) {}

  private Answer once(
      String tool,
      Arguments args,
      IdempotentCalls.Claim claim,
      Supplier<Map<String, Object>> work) {
    var key = args.idempotencyKey();
    if (key == null) {
      return new Answer(work.get(), false);
    }
    var request = json.writeValueAsBytes(args.withoutIdempotencyKey());
    var answer =
        idempotent.once(
            key, "mcp:" + tool, request, claim, () -> json.writeValueAsBytes(work.get()));
    return new Answer(json.readValue(answer.body(), ANSWER), answer.replayed());
  }

  private static final tools.jackson.core.type.TypeReference<Map<String, Object>> ANSWER =
      new tools.jackson.core.type.TypeReference<>() {};

  /** A resource read: the agent's scope, or a JSON-RPC error. */
  <T> T resource(Supplier<T> work) {
    if (!actingAsAgent()) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST).message(AGENTS_ONLY).build();
    }
    try {
      return work.get();
    } catch (ProblemException | NotFoundException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
    }
  }

  private static final String AGENTS_ONLY =
      "The MCP server answers AI agents that present one clinic's API key"
          + " (Authorization: Bearer cbk_…); this request carries none.";

  private CallToolResult call(@Nullable Action action, boolean writes, Supplier<Answer> work) {
    if (!actingAsAgent()) {
      return problem(HttpStatus.FORBIDDEN, "agents-only", AGENTS_ONLY, Map.of());
    }
    if (action != null && !permissions.allows(action)) {
      return problem(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "This API key lacks the "
              + action
              + " permission, so it may not do this. An owner or manager of the clinic can"
              + " create a key that includes "
              + action
              + ".",
          Map.of("missingPermission", action.name()));
    }
    try {
      if (writes) {
        writeGuard.requireWritable();
      }
      return success(work.get());
    } catch (SlotTakenException e) {
      var members = new LinkedHashMap<String, Object>(e.properties());
      members.put("alternatives", alternatives(e));
      return problem(e, members);
    } catch (ProblemException e) {
      return problem(e, e.properties());
    } catch (NotFoundException e) {
      return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), Map.of());
    } catch (RuntimeException e) {
      log.error("MCP tool call failed", e);
      return problem(
          HttpStatus.INTERNAL_SERVER_ERROR,
          "internal-error",
          "Carebook could not complete this call; it was not carried out. Try again later.",
          Map.of());
    }
  }

  /** The refused time's nearest alternatives, as slots the agent can book at once. */
  List<Map<String, Object>> alternatives(SlotTakenException refusal) {
    var view = views.current();
    return refusal.alternatives().stream()
        .map(
            a ->
                view.slot(
                    new io.carebook.shared.UserId(java.util.UUID.fromString(a.doctorId())),
                    a.startsAt(),
                    a.endsAt(),
                    1))
        .toList();
  }

  private static boolean actingAsAgent() {
    return TenantContext.current()
        .filter(s -> s.actor() == ActorType.AGENT && s.tenant() != null && s.clinic() != null)
        .isPresent();
  }

  private CallToolResult success(Answer result) {
    var answer =
        CallToolResult.builder()
            .addTextContent(json.writeValueAsString(result.content()))
            .structuredContent(result.content())
            .isError(false);
    if (result.replayed()) {
      answer.meta(Map.of(REPLAYED, true));
    }
    return answer.build();
  }

  private CallToolResult problem(ProblemException e, Map<String, Object> members) {
    var errors =
        e.errors().stream()
            .map(f -> Map.<String, Object>of("field", f.field(), "message", f.message()))
            .toList();
    var all = new LinkedHashMap<String, Object>(members);
    if (!errors.isEmpty()) {
      all.put("errors", errors);
    }
    return problem(e.status(), e.kind(), e.getMessage(), all);
  }

  /** A tool error shaped like the API's RFC 9457 problem, in words and as structured content. */
  private CallToolResult problem(
      HttpStatus status, String kind, @Nullable String detail, Map<String, Object> members) {
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", Problems.type(kind).toString());
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail == null ? status.getReasonPhrase() : detail);
    members.forEach((name, value) -> problem.put(name, json.convertValue(value, Object.class)));
    return CallToolResult.builder()
        .addTextContent(json.writeValueAsString(problem))
        .structuredContent(problem)
        .isError(true)
        .build();
  }
}
