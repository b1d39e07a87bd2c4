package io.carebook.tenancy;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * During a master key rotation (previous keys configured), re-wraps at start every data key that an
 * older master key wrapped, the platform's and each organization's in its own context. Once it has
 * logged that nothing is left, the previous keys can be removed from the configuration.
 */
@Component
class DataKeyRewrapping implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DataKeyRewrapping.class);

  private final MasterKey master;
  private final DataKeys keys;
  private final Organizations organizations;

  DataKeyRewrapping(MasterKey master, DataKeys keys, Organizations organizations) {
    this.master = master;
    this.keys = keys;
    this.organizations = organizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (master.rotating()) {
      log.info("Master key rotation: {} data keys re-wrapped; none is left on an older key", all());
    }
  }

  int all() {
    var count = new AtomicInteger();
    rewrap(KeyOwner.platform(), count);
    for (var tenant : organizations.allTenants()) { // suspended ones too
      // not TenantSweep: each key is re-wrapped in a transaction of its own, and a key that cannot
      // be opened is logged and skipped (rewrap) rather than failing a shared transaction
      TenantContext.run(
          TenantContext.Scope.system(tenant), () -> rewrap(KeyOwner.currentTenant(), count));
    }
    return count.get();
  }

  private void rewrap(KeyOwner owner, AtomicInteger count) {
    try {
      if (keys.rewrapIfStale(owner)) {
        count.incrementAndGet();
      }
    } catch (DecryptionFailedException e) {
      // the others are still worth re-wrapping; this one needs a master key nobody configured
      log.error("Could not re-wrap: {}", e.getMessage());
    }
  }
}
