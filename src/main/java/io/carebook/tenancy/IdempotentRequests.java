package io.carebook.tenancy;

import io.carebook.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on API creates: the first request with a key runs and its answer is kept
 * for 24 hours; a retry with the same key and body gets that answer again (marked {@code
 * Idempotent-Replayed: true}) instead of creating twice; the same key with another body is refused
 * (422).
 *
 * <p>On a create marked {@link IdempotentCreate} (a booking, a patient, any create) the key is
 * claimed and the answer kept in the create's own transaction, begun here before the handler and
 * committed after it answered: one transaction for the key and the work, a rollback (a refusal, a
 * failure) frees the key, and a retry while the first is still running waits for it at the key's
 * row and then answers its kept answer. Elsewhere the key is claimed and the answer kept in
 * transactions of their own, and a retry while the first is still running is told to wait its turn
 * (409). Expired keys are deleted by {@link IdempotencyKeysCleanup}.
 */
public class IdempotentRequests extends OncePerRequestFilter {

  private static final String BODY = "idempotency_keys.body";

  static final String HEADER = "Idempotency-Key";
  static final Duration KEPT = Duration.ofHours(24);
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final PlatformTransactionManager transactions;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final Clock clock;
  private final ObjectProvider<RequestMappingHandlerMapping> handlers;

  private final Encryption encryption;

  IdempotentRequests(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      JsonMapper json,
      Clock clock,
      ObjectProvider<RequestMappingHandlerMapping> handlers,
      Encryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.transactions = transactions;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.clock = clock;
    this.handlers = handlers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var scope = TenantContext.current().orElse(null);
    var key = request.getHeader(HEADER).trim();
    if (scope == null || scope.tenant() == null) {
      chain.doFilter(request, response); // nothing to create outside an organization
      return;
    }
    if (key.isEmpty() || key.length() > 200) {
      problem(
          response,
          HttpStatus.BAD_REQUEST,
          "invalid-input",
          "Idempotency-Key must have 1 to 200 characters.");
      return;
    }
    var body = request.getInputStream().readAllBytes();
    var hash = hash(request.getRequestURI(), body);
    var actor = Objects.toString(scope.user(), "system");
    if (createsInItsTransaction(request)) {
      inTheCreatesTransaction(request, response, chain, actor, key, body, hash);
      return;
    }
    var claimed = inTransaction(() -> claim(actor, key, hash));
    if (!claimed) {
      answerFromStore(actor, key, hash, response);
      return;
    }
    var recorded = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(new CachedBody(request, body), recorded);
    } catch (IOException | ServletException | RuntimeException e) {
      inTransaction(() -> forget(actor, key));
      throw e;
    }
    if (recorded.getStatus() >= 500) {
      inTransaction(() -> forget(actor, key)); // a failure may be retried for real
    } else {
      inTransaction(() -> keep(actor, key, recorded));
    }
    recorded.copyBodyToResponse();
  }

  /**
   * The create's own transaction: claim the key, run the create, keep its answer, commit; or roll
   * it all back when the create failed or marked the transaction for rollback (a refusal), so the
   * key stays free. A key already kept is answered from the store, once its first request has
   * finished.
   */
  private void inTheCreatesTransaction(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String actor,
      String key,
      byte[] body,
      byte[] hash)
      throws IOException, ServletException {
    var status = transactions.getTransaction(new DefaultTransactionDefinition());
    var recorded = new ContentCachingResponseWrapper(response);
    try {
      if (!claim(actor, key, hash)) {
        var stored = stored(actor, key);
        transactions.commit(status);
        answer(stored, hash, response);
        return;
      }
      chain.doFilter(new CachedBody(request, body), recorded);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      if (!status.isCompleted()) {
        transactions.rollback(status);
      }
      throw e;
    }
    if (status.isRollbackOnly() || recorded.getStatus() >= 500) {
      transactions.rollback(status);
    } else {
      keep(actor, key, recorded);
      transactions.commit(status);
    }
    recorded.copyBodyToResponse();
  }

  /**
   * Whether the handler of {@code request} is marked {@link IdempotentCreate}. Looked up here, as
   * the dispatcher will look it up again, only for a POST that carries a key.
   */
  private boolean createsInItsTransaction(HttpServletRequest request) {
    var mapping = handlers.getIfAvailable();
    if (mapping == null) {
      return false;
    }
    var parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
    if (!parsed) {
      ServletRequestPathUtils.parseAndCache(request);
    }
    try {
      var handler = mapping.getHandler(request);
      return handler != null
          && handler.getHandler() instanceof HandlerMethod method
          && method.hasMethodAnnotation(IdempotentCreate.class);
    } catch (Exception e) {
      return false; // the dispatcher will answer it
    } finally {
      if (!parsed) {
        ServletRequestPathUtils.clearParsedRequestPath(request);
      }
    }
  }

  /**
   * Claims the key in one statement: a new key, one kept past its day that the cleanup has not
   * deleted yet, or an unfinished claim whose request died long ago (taken over).
   */
  boolean claim(String actor, String key, byte[] hash) {
    var now = clock.instant();
    return jdbc.sql(
                """
                insert into idempotency_keys (tenant_id, actor, key, request_hash, created_at)
                values (?, ?, ?, ?, ?)
                on conflict (tenant_id, actor, key) do update
                  set request_hash = excluded.request_hash, created_at = excluded.created_at,
                      status = null, content_type = null, location = null, etag = null,
                      body = null
                  where idempotency_keys.created_at < ?
                     or idempotency_keys.status is null and idempotency_keys.created_at < ?""")
            .params(
                TenantContext.tenant().value(),
                actor,
                key,
                hash,
                Timestamp.from(now),
                Timestamp.from(now.minus(KEPT)),
                Timestamp.from(now.minus(ABANDONED_AFTER)))
            .update()
        == 1;
  }

  /** A kept answer (or an unfinished claim), as stored. */
  record Stored(
      byte[] hash,
      @Nullable Integer status,
      @Nullable String type,
      @Nullable String location,
      @Nullable String etag,
      byte @Nullable [] body) {}

  @Nullable Stored stored(String actor, String key) {
    return jdbc.sql("select * from idempotency_keys where actor = ? and key = ?")
        .params(actor, key)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getBytes("request_hash"),
                    (Integer) rs.getObject("status"),
                    rs.getString("content_type"),
                    rs.getString("location"),
                    rs.getString("etag"),
                    unsealed(actor, key, rs.getBytes("body"))))
        .optional()
        .orElse(null);
  }

  private void answerFromStore(String actor, String key, byte[] hash, HttpServletResponse response)
      throws IOException {
    answer(inTransaction(() -> stored(actor, key)), hash, response);
  }

  private void answer(@Nullable Stored stored, byte[] hash, HttpServletResponse response)
      throws IOException {
    if (stored == null) {
      problem(response, HttpStatus.CONFLICT, "request-in-progress", "Retry in a moment.");
    } else if (!Arrays.equals(stored.hash(), hash)) {
      problem(
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "This Idempotency-Key was used for a different request; use a new key for a new one.");
    } else if (stored.status() == null) {
      problem(
          response,
          HttpStatus.CONFLICT,
          "request-in-progress",
          "The first request with this Idempotency-Key is still running; retry in a moment.");
    } else {
      response.setStatus(stored.status());
      response.setHeader("Idempotent-Replayed", "true");
      if (stored.type() != null) {
        response.setContentType(stored.type());
      }
      if (stored.location() != null) {
        response.setHeader("Location", stored.location());
      }
      if (stored.etag() != null) {
        response.setHeader("ETag", stored.etag());
      }
      response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
    }
  }

  private Void keep(String actor, String key, ContentCachingResponseWrapper recorded) {
    return keep(
        actor,
        key,
        recorded.getStatus(),
        recorded.getContentType(),
        recorded.getHeader("Location"),
        recorded.getHeader("ETag"),
        recorded.getContentAsByteArray());
  }

  /** Keeps a claimed key's answer (sealed) for the day the key is kept. */
  Void keep(
      String actor,
      String key,
      int status,
      @Nullable String type,
      @Nullable String location,
      @Nullable String etag,
      byte[] body) {
    jdbc.sql(
            """
            update idempotency_keys set status = ?, content_type = ?, location = ?, etag = ?,
                                        body = ?
            where actor = ? and key = ?""")
        .params(status, type, location, etag, sealed(actor, key, body), actor, key)
        .update();
    return null;
  }

  Void forget(String actor, String key) {
    jdbc.sql("delete from idempotency_keys where actor = ? and key = ?")
        .params(actor, key)
        .update();
    return null;
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return transaction.execute(status -> work.get());
  }

  private void problem(HttpServletResponse response, HttpStatus status, String kind, String detail)
      throws IOException {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(Problems.type(kind));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /**
   * A kept answer is sealed with the organization's data key: some creates answer a secret once (an
   * API key, a webhook endpoint's signing secret), and a retry must get it again, but the table
   * must not hold it in clear for the day the key is kept.
   */
  private byte[] sealed(String actor, String key, byte[] body) {
    return encryption.encrypt(KeyOwner.currentTenant(), BODY, actor + "/" + key, body);
  }

  private byte @Nullable [] unsealed(String actor, String key, byte @Nullable [] body) {
    if (body == null) {
      return null;
    }
    try {
      return encryption.decrypt(KeyOwner.currentTenant(), BODY, actor + "/" + key, body);
    } catch (DecryptionFailedException keptBeforeAnswersWereSealed) {
      return body; // kept in clear by an earlier version, deleted within a day
    }
  }

  static byte[] hash(String path, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return digest.digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request again, with the body that was read to hash it. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }
}
