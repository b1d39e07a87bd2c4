package io.carebook.frontdesk;

import io.carebook.shared.ClinicId;
import io.carebook.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The day's token counters and each clinic's token scope. One atomic upsert per token: racing
 * check-ins serialize on the counter's row and each gets the next number.
 */
@Repository
class Tokens {

  /** The scope key of tokens counted for the whole clinic. */
  static final UUID WHOLE_CLINIC = new UUID(0, 0);

  private final JdbcClient jdbc;

  Tokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next token of {@code clinic} for {@code scopeKey} on the clinic-local {@code day}. */
  int next(ClinicId clinic, UUID scopeKey, LocalDate day) {
    return jdbc.sql(
            """
            insert into token_counters (tenant_id, clinic_id, scope_key, day, last)
            values (?, ?, ?, ?, 1)
            on conflict (tenant_id, clinic_id, scope_key, day)
            do update set last = token_counters.last + 1
            returning last""")
        .params(TenantContext.tenant().value(), clinic.value(), scopeKey, day)
        .query(Integer.class)
        .single();
  }

  TokenScope scope(ClinicId clinic) {
    return jdbc.sql("select token_scope from front_desk_settings where clinic_id = ?")
        .param(clinic.value())
        .query(String.class)
        .optional()
        .map(TokenScope::valueOf)
        .orElse(TokenScope.CLINIC);
  }

  void scope(ClinicId clinic, TokenScope scope) {
    jdbc.sql(
            """
            insert into front_desk_settings (tenant_id, clinic_id, token_scope) values (?, ?, ?)
            on conflict (tenant_id, clinic_id) do update set token_scope = excluded.token_scope""")
        .params(TenantContext.tenant().value(), clinic.value(), scope.name())
        .update();
  }

  Optional<Integer> last(ClinicId clinic, UUID scopeKey, LocalDate day) {
    return jdbc.sql(
            "select last from token_counters where clinic_id = ? and scope_key = ? and day = ?")
        .params(clinic.value(), scopeKey, day)
        .query(Integer.class)
        .optional();
  }
}
