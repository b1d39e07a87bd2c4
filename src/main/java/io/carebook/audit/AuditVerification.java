package io.carebook.audit;

import io.carebook.tenancy.Organizations;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command that verifies every chain: start Carebook with {@code --audit-verify}; it links what
 * is unlinked, verifies each tenant's chain and the platform's, prints the first broken row of
 * each, and exits with 0 when all hold, 1 otherwise.
 */
@Component
class AuditVerification implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

  private final AuditChain chain;
  private final Organizations organizations;
  private final ConfigurableApplicationContext context;

  AuditVerification(
      AuditChain chain, Organizations organizations, ConfigurableApplicationContext context) {
    this.chain = chain;
    this.organizations = organizations;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption("audit-verify")) {
      return;
    }
    var tenants = new ArrayList<>(organizations.allTenants());
    tenants.add(AuditChain.PLATFORM);
    var broken = 0;
    for (var tenant : tenants) {
      chain.chain(tenant);
      var firstBroken = chain.firstBroken(tenant);
      if (firstBroken.isPresent()) {
        broken++;
        log.error("Audit chain of {} is broken at row {}", tenant, firstBroken.get());
      } else {
        log.info("Audit chain of {} holds ({} rows)", tenant, chain.status(tenant).linked());
      }
    }
    var exitCode = broken == 0 ? 0 : 1;
    log.info("Audit verification: {} chains, {} broken", tenants.size(), broken);
    System.exit(SpringApplication.exit(context, () -> exitCode));
  }
}
