package io.carebook.tenancy.demo;

import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the demo organization on a first start, or when {@code carebook.demo=true}. */
@Component
@ConditionalOnDemo
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final List<DemoDataLoader> loaders;
  private final Organizations organizations;
  private final TenantTransactions tenants;
  private final String mode;

  DemoData(
      List<DemoDataLoader> loaders,
      Organizations organizations,
      TenantTransactions tenants,
      @Value("${carebook.demo:false}") String mode) {
    this.loaders = loaders;
    this.organizations = organizations;
    this.tenants = tenants;
    this.mode = mode;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!shouldLoad()) {
      return;
    }
    var started = System.nanoTime();
    loaders.forEach(DemoDataLoader::load);
    log.info("Demo organization loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private boolean shouldLoad() {
    var demoPresent =
        tenants.withoutTransaction(
            DemoOrganization.NILE,
            () -> organizations.find(DemoOrganization.NILE_DOKKI).isPresent());
    return switch (mode) {
      case "true" -> !demoPresent;
      case "auto" -> !organizations.anyOrganization();
      default -> false;
    };
  }
}
