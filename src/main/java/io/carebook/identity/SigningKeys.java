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
  private volatile List<OctetSequenceKey> keys = List.of();

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

  private List<OctetSequenceKey> loaded() {
    if (keys.isEmpty()) {
      keys = transaction.execute(s -> loadOrCreate());
    }
    return keys;
  }

  private List<OctetSequenceKey> loadOrCreate() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('token_signing_keys'))").query().listOfRows();
    var existing = read();
    if (!existing.isEmpty()) {
      return existing;
    }
    var secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    jdbc.sql("insert into token_signing_keys (key_id, secret) values (?, ?)")
        .params(UUID.randomUUID().toString(), secret)
        .update();
    return read();
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
