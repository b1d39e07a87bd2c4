package io.carebook.tenancy;

import io.carebook.shared.ProblemException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An idempotency key for a call that is not an HTTP request of its own, such as an MCP tool call,
 * which carries its key as an argument: kept exactly as {@link IdempotentRequests} keeps the API's
 * {@code Idempotency-Key} (the same rows, per organization and actor — for an agent, its API key —
 * for 24 hours, the answer sealed). The first call with a key runs and its answer is kept; the same
 * key with the same request answers that answer again without running; the same key with another
 * request is refused (422 {@code idempotency-key-reused}); a key whose first call still runs is
 * refused (409 {@code request-in-progress}). Only an answer is kept: a call that throws (a refusal,
 * a failure) leaves the key free.
 */
@Component
public class IdempotentCalls {

  /** Where the key is claimed, as the API does for the same work. */
  public enum Claim {
    /**
     * In the work's own transaction, as {@link IdempotentCreate} does: the key, the answer and the
     * rows written commit together, and a retry while the first runs waits for it at the key's row.
     */
    IN_THE_WORKS_TRANSACTION,
    /** In transactions of its own around the work, as the API does for other requests. */
    BEFORE_AND_AFTER
  }

  /** An answer: the work's, or the kept one of the key's first call ({@code replayed}). */
  public record Answer(byte[] body, boolean replayed) {}

  private static final int ANSWERED = 200;
  private static final String TYPE = "application/json";

  private final IdempotentRequests keys;
  private final PlatformTransactionManager transactions;
  private final TransactionTemplate transaction;

  IdempotentCalls(IdempotentRequests keys, PlatformTransactionManager transactions) {
    this.keys = keys;
    this.transactions = transactions;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Runs {@code work} once for {@code key} in the current organization and actor: {@code operation}
   * (such as {@code mcp:book_appointment}) and {@code request} (its arguments, written canonically)
   * tell a key reused for another request apart.
   */
  public Answer once(
      String key, String operation, byte[] request, Claim claim, Supplier<byte[]> work) {
    if (key.isEmpty() || key.length() > 200) {
      throw new IllegalArgumentException("an idempotency key has 1 to 200 characters");
    }
    var actor = Objects.toString(TenantContext.current().orElseThrow().user(), "system");
    var hash = IdempotentRequests.hash(operation, request);
    return claim == Claim.IN_THE_WORKS_TRANSACTION
        ? inTheWorksTransaction(actor, key, hash, work)
        : beforeAndAfter(actor, key, hash, work);
  }

  private Answer inTheWorksTransaction(
      String actor, String key, byte[] hash, Supplier<byte[]> work) {
    var status = transactions.getTransaction(new DefaultTransactionDefinition());
    byte[] body;
    try {
      if (!keys.claim(actor, key, hash)) {
        var stored = keys.stored(actor, key);
        transactions.commit(status);
        return kept(stored, hash);
      }
      body = work.get();
    } catch (RuntimeException | Error e) {
      if (!status.isCompleted()) {
        transactions.rollback(status);
      }
      throw e;
    }
    if (status.isRollbackOnly()) {
      transactions.rollback(status); // a refusal the work answered: nothing written, key free
    } else {
      keys.keep(actor, key, ANSWERED, TYPE, null, null, body);
      transactions.commit(status);
    }
    return new Answer(body, false);
  }

  private Answer beforeAndAfter(String actor, String key, byte[] hash, Supplier<byte[]> work) {
    if (!Boolean.TRUE.equals(transaction.execute(s -> keys.claim(actor, key, hash)))) {
      return kept(transaction.execute(s -> keys.stored(actor, key)), hash);
    }
    byte[] body;
    try {
      body = work.get();
    } catch (RuntimeException | Error e) {
      transaction.execute(s -> keys.forget(actor, key));
      throw e;
    }
    transaction.execute(s -> keys.keep(actor, key, ANSWERED, TYPE, null, null, body));
    return new Answer(body, false);
  }

  private static Answer kept(IdempotentRequests.@Nullable Stored stored, byte[] hash) {
    if (stored != null && !Arrays.equals(stored.hash(), hash)) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "This idempotency key was used for a different request; use a new key for a new one.");
    }
    if (stored == null || stored.status() == null || stored.body() == null) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "request-in-progress",
          "The first call with this idempotency key is still running; retry in a moment.");
    }
    return new Answer(stored.body(), true);
  }
}
