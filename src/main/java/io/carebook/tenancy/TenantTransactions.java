package io.carebook.tenancy;

import io.carebook.shared.TenantId;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work for one tenant as a system actor, in a transaction that begins inside that tenant's
 * context. For event listeners and jobs, which start with no context of their own.
 */
@Component
public class TenantTransactions {

  private final TransactionTemplate transaction;

  TenantTransactions(PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
  }

  public void run(TenantId tenant, Runnable work) {
    call(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }

  public <T> T call(TenantId tenant, Supplier<T> work) {
    return TenantContext.call(
        TenantContext.Scope.system(tenant), () -> transaction.execute(status -> work.get()));
  }
}
