package io.carebook.billing;

import io.carebook.OwnerDatabase;
import io.carebook.shared.TenantId;
import org.springframework.core.env.Environment;

/** What notifications stored to send for an organization, which it does after the commit. */
final class Outbox {

  private Outbox() {}

  /** How many messages of {@code kind} there are, waiting up to ten seconds for the first. */
  static long count(Environment environment, TenantId tenant, String kind) {
    var database = OwnerDatabase.jdbc(environment);
    long count = 0;
    for (int i = 0; i < 100 && count == 0; i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      count =
          database
              .sql("select count(*) from outbox_messages where tenant_id = ? and kind = ?")
              .params(tenant.value(), kind)
              .query(Long.class)
              .single();
    }
    return count;
  }
}
