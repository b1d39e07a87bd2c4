package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Public, platform-wide unique clinic slugs, derived from the clinic's name. */
final class ClinicSlugs {

  private final JdbcClient jdbc;

  ClinicSlugs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String reserve(String name, TenantId tenant, ClinicId clinic) {
    var base = slugOf(name);
    var candidate = base;
    while (taken(candidate)) {
      candidate =
          base + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1296, 46656), 36);
    }
    jdbc.sql("insert into clinic_slugs (slug, routes_to_tenant, routes_to_clinic) values (?, ?, ?)")
        .params(candidate, tenant.value(), clinic.value())
        .update();
    return candidate;
  }

  private boolean taken(String slug) {
    return jdbc.sql("select exists (select 1 from clinic_slugs where slug = ?)")
        .param(slug)
        .query(Boolean.class)
        .single();
  }

  static String slugOf(String name) {
    var ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (ascii.length() > 40) {
      ascii = ascii.substring(0, 40).replaceAll("-+$", "");
    }
    return ascii.length() < 3 ? "clinic" : ascii;
  }
}
