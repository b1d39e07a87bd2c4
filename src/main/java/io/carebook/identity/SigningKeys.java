package io.carebook.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign API access tokens, kept in PostgreSQL so every instance signs and verifies
 * with the same ones. All unretired keys verify; the newest signs, so a new key can be added
 * without signing anybody out.
 */
@Component
class SigningKeys {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private static final java.time.Duration RELOAD_AT_MOST_EVERY = java.time.Duration.ofSeconds(10);

  private volatile List<OctetSequenceKey> keys = List.of();
  private volatile long loadedAt;

  SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  OctetSequenceKey signing() {
    return loaded().getFirst();
  }

  JWKSet verifying() {
    return new JWKSet(List.<JWK>copyOf(loaded()));
  }

  /**
   * Introduces a new signing key: tokens are signed with it from now on, on every instance as soon
   * as it reloads, while tokens signed with the older keys stay valid until they expire.
   */
  void rotate() {
    inTransaction(
        () -> {
          insertNewKey();
          return null;
        });
    reload();
  }

  /** Re-reads the keys. */
  void reload() {
    keys = inTransaction(this::loadOrCreate);
    loadedAt = System.nanoTime();
  }

  /**
   * Re-reads the keys when a token names one this instance has not seen, at most every ten seconds,
   * so that tokens with made-up key ids cannot make every request read the database.
   */
  void reloadUnlessFresh() {
    if (System.nanoTime() - loadedAt > RELOAD_AT_MOST_EVERY.toNanos()) {
      reload();
    }
  }

  private List<OctetSequenceKey> loaded() {
    if (keys.isEmpty()) {
      reload();
    }
    return keys;
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return io.carebook.tenancy.TenantContext.call(
        io.carebook.tenancy.TenantContext.Scope.anonymous(),
        () -> transaction.execute(s -> work.get()));
  }

  private List<OctetSequenceKey> loadOrCreate() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('token_signing_keys'))").query().listOfRows();
    var existing = read();
    if (!existing.isEmpty()) {
      return existing;
    }
    insertNewKey();
    return read();
  }

  private void insertNewKey() {
    var secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    jdbc.sql("insert into token_signing_keys (key_id, secret) values (?, ?)")
        .params(UUID.randomUUID().toString(), secret)
        .update();
  }

  private List<OctetSequenceKey> read() {
    return jdbc.sql(
            "select key_id, secret from token_signing_keys where retired_at is null"
                + " order by created_at desc")
        .query(
            (rs, n) ->
                new OctetSequenceKey.Builder(rs.getBytes("secret"))
                    .keyID(rs.getString("key_id"))
                    .build())
        .list();
  }
}
