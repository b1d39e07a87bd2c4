package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant, clinic and actor of the work in progress, resolved once at the edge (a request's
 * session or token, a job's tenant) and bound for the extent of that work.
 *
 * <p>The actor is chosen here, by the factory methods of {@link Scope}: HUMAN for requests (a
 * member, a visitor of a public page), AGENT for API keys, SYSTEM for jobs and listeners ({@link
 * TenantTransactions}, {@link TenantSweep}). Nothing else builds a scope by hand.
 *
 * <p>Every transaction copies it into PostgreSQL's transaction-local settings, where the row-level
 * security policies read it. Work with no tenant bound sees no tenant-owned rows and can write
 * none: forgetting the context fails closed.
 */
public final class TenantContext {

  private static final ScopedValue<Scope> CURRENT = ScopedValue.newInstance();

  private TenantContext() {}

  /** What a piece of work acts as. Any part may be absent (before sign-in, before a tenant). */
  public record Scope(
      @Nullable TenantId tenant,
      @Nullable ClinicId clinic,
      @Nullable UserId user,
      ActorType actor) {

    public static Scope anonymous() {
      return new Scope(null, null, null, ActorType.HUMAN);
    }

    public static Scope user(UserId user) {
      return new Scope(null, null, user, ActorType.HUMAN);
    }

    /** A signed-in person acting in their active clinic. */
    public static Scope member(TenantId tenant, ClinicId clinic, UserId user) {
      return member(tenant, clinic, user, ActorType.HUMAN);
    }

    public static Scope member(TenantId tenant, ClinicId clinic, UserId user, ActorType actor) {
      return new Scope(tenant, clinic, user, actor);
    }

    /**
     * An integration or AI agent acting through API key {@code key} in one clinic (both unknown
     * while the key itself is being looked up in its tenant).
     */
    public static Scope agent(TenantId tenant, @Nullable ClinicId clinic, @Nullable UserId key) {
      return new Scope(tenant, clinic, key, ActorType.AGENT);
    }

    /**
     * A person who is not signed in but reached one organization (or one of its clinics) through a
     * public page or a link: a patient booking online, a holder of a verification link.
     */
    public static Scope visitor(TenantId tenant, @Nullable ClinicId clinic) {
      return new Scope(tenant, clinic, null, ActorType.HUMAN);
    }

    /** A background job acting for one tenant. */
    public static Scope system(TenantId tenant) {
      return system(tenant, null);
    }

    /** A background job or event listener acting for one tenant, in one of its clinics. */
    public static Scope system(TenantId tenant, @Nullable ClinicId clinic) {
      return new Scope(tenant, clinic, null, ActorType.SYSTEM);
    }
  }

  public static Optional<Scope> current() {
    return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
  }

  /** The current tenant, or an exception when the work runs outside any tenant. */
  public static TenantId tenant() {
    return current()
        .map(Scope::tenant)
        .orElseThrow(() -> new IllegalStateException("no tenant in context"));
  }

  /** The active clinic, or an exception when none is active. */
  public static ClinicId clinic() {
    return current()
        .map(Scope::clinic)
        .orElseThrow(() -> new IllegalStateException("no clinic in context"));
  }

  /**
   * Runs {@code op} as {@code scope}. Refuses to change the scope inside a transaction: the
   * transaction's settings were fixed when it began, so the database would still see the old one.
   */
  public static <T, X extends Throwable> T call(Scope scope, ScopedValue.CallableOp<T, X> op)
      throws X {
    requireNoTransactionOrSame(scope);
    return ScopedValue.where(CURRENT, scope).call(op);
  }

  public static void run(Scope scope, Runnable op) {
    requireNoTransactionOrSame(scope);
    ScopedValue.where(CURRENT, scope).run(op);
  }

  private static void requireNoTransactionOrSame(Scope scope) {
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && !scope.equals(current().orElse(Scope.anonymous()))) {
      throw new IllegalStateException(
          "The tenant context cannot change inside a transaction; start the work outside it.");
    }
  }
}
