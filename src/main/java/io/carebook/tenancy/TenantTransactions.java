package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.tenancy.TenantContext.Scope;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way for work that starts with no context of its own (an event listener, a job, a
 * provider's callback) to enter a tenant: as the SYSTEM actor, in a transaction that begins inside
 * that tenant's context, so row-level security sees the tenant from the first statement.
 *
 * <p>Listeners between modules are plain {@code @ApplicationModuleListener} methods, entered in
 * their event's scope by {@link TenantScopedListeners} before their transaction begins (a
 * transaction's tenant settings are fixed when it begins, {@link TenantContext#call}); a listener
 * that needs several transactions or none stays {@code @Async @TransactionalEventListener} and
 * enters here.
 */
@Component
public class TenantTransactions {

  private final TransactionTemplate transaction;
  private final TransactionTemplate readOnly;

  TenantTransactions(PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** Runs {@code work} in the organization and clinic that {@code event} happened in. */
  public void inClinic(TenantScoped event, Runnable work) {
    inClinic(event.tenantId(), event.clinicId(), work);
  }

  /** Runs {@code work} in {@code clinic} of {@code tenant} (or the whole tenant when null). */
  public void inClinic(TenantId tenant, @Nullable ClinicId clinic, Runnable work) {
    inClinic(tenant, clinic, asSupplier(work));
  }

  /** Answers {@code work}, run in {@code clinic} of {@code tenant}. */
  public <T> T inClinic(TenantId tenant, @Nullable ClinicId clinic, Supplier<T> work) {
    return inTransaction(Scope.system(tenant, clinic), work);
  }

  /** Runs {@code work} in {@code tenant}, with no clinic. */
  public void run(TenantId tenant, Runnable work) {
    call(tenant, asSupplier(work));
  }

  /** Answers {@code work}, run in {@code tenant} with no clinic. */
  public <T> T call(TenantId tenant, Supplier<T> work) {
    return inClinic(tenant, null, work);
  }

  /**
   * Answers {@code work}, run for a visitor who is not signed in but reached {@code clinic} of
   * {@code tenant} through a public page or a private link (a patient booking, a link's holder).
   */
  public <T> T asVisitor(TenantId tenant, @Nullable ClinicId clinic, Supplier<T> work) {
    return inTransaction(Scope.visitor(tenant, clinic), work);
  }

  /**
   * Answers {@code work}, run before any tenant is known (signing in, resolving a link or a slug to
   * its tenant): tenant-owned rows stay out of reach, only the global tables and the resolvers
   * answer.
   */
  public <T> T beforeTenant(Supplier<T> work) {
    return inTransaction(Scope.anonymous(), work);
  }

  /** Runs {@code work} before any tenant is known (see {@link #beforeTenant(Supplier)}). */
  public void beforeTenant(Runnable work) {
    beforeTenant(asSupplier(work));
  }

  /**
   * Answers {@code work}, run as {@code scope}: for request-edge code that already resolved who
   * acts (a person just signed in or accepting an invitation), the scope made by {@link Scope}'s
   * factory methods.
   */
  public <T> T as(Scope scope, Supplier<T> work) {
    return inTransaction(scope, work);
  }

  /** Runs {@code work} as {@code scope} (see {@link #as(Scope, Supplier)}). */
  public void as(Scope scope, Runnable work) {
    inTransaction(scope, asSupplier(work));
  }

  /**
   * Answers {@code work}, run as {@code scope} in a read-only transaction: for lookups at the edge
   * that only read (a user by email before signing in, a screen's or a copy's link to its tenant).
   */
  public <T> T readOnly(Scope scope, Supplier<T> work) {
    return TenantContext.call(scope, () -> readOnly.execute(status -> work.get()));
  }

  /**
   * Answers {@code work}, run in {@code tenant} as the system but outside any transaction of ours:
   * for calls that must not hold a connection while they wait (a provider's API), and for work that
   * opens transactions of its own.
   */
  public <T, X extends Throwable> T withoutTransaction(
      TenantId tenant, ScopedValue.CallableOp<T, X> work) throws X {
    return withoutTransaction(tenant, null, work);
  }

  /**
   * Answers {@code work}, run in {@code clinic} of {@code tenant} as the system but outside any
   * transaction of ours (see {@link #withoutTransaction(TenantId, ScopedValue.CallableOp)}).
   */
  public <T, X extends Throwable> T withoutTransaction(
      TenantId tenant, @Nullable ClinicId clinic, ScopedValue.CallableOp<T, X> work) throws X {
    return TenantContext.call(Scope.system(tenant, clinic), work);
  }

  private <T> T inTransaction(Scope scope, Supplier<T> work) {
    return TenantContext.call(scope, () -> transaction.execute(status -> work.get()));
  }

  private static Supplier<@Nullable Void> asSupplier(Runnable work) {
    return () -> {
      work.run();
      return null;
    };
  }
}
