package io.carebook.identity.sessions;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.TenantTransactions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The keys that sign API access tokens, kept in PostgreSQL so every instance signs and verifies
 * with the same ones. Each is stored wrapped with the platform's data key (so with the master key),
 * bound to its key id; a key found in clear (from before) is wrapped at startup.
 *
 * <p>The newest key signs. Every {@code carebook.signing-keys.rotate-every} (30 days unless
 * configured) a new key is introduced and the older ones are given a retirement time: the end of
 * the life of the last token they may have signed. Until then they still verify, so nobody is
 * signed out; then they are deleted. Every instance re-reads the keys each minute, so none signs
 * with a superseded key for longer than that.
 */
@Component
public class SigningKeys {

  static final String SECRET_FIELD = "token_signing_keys.secret";

  /**
   * How long a superseded key still verifies: the life of an access token (enrolment tokens live
   * shorter), plus time for every instance to re-read the keys and stop signing with it.
   */
  static final Duration VERIFIES_AFTER_SUPERSEDED = AccessTokens.LIFETIME.plusMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  private final Encryption encryption;
  private final Clock clock;
  private final Duration rotateEvery;
  private final TenantTransactions tenants;

  private volatile List<OctetSequenceKey> keys = List.of();
  private volatile long loadedAt;

  SigningKeys(
      JdbcClient jdbc,
      Encryption encryption,
      Clock clock,
      @Value("${carebook.signing-keys.rotate-every:P30D}") Duration rotateEvery,
      TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.clock = clock;
    this.rotateEvery = rotateEvery;
    this.tenants = tenants;
  }

  /** The newest key not yet superseded, which signs. */
  public OctetSequenceKey signing() {
    return loaded().getFirst();
  }

  /** Every key that still verifies: the signing one and those superseded but not yet retired. */
  JWKSet verifying() {
    return new JWKSet(List.<JWK>copyOf(loaded()));
  }

  /**
   * Introduces a new signing key now: tokens are signed with it from now on, on every instance as
   * soon as it reloads, while tokens signed with the older keys stay valid until they expire.
   */
  void rotate() {
    tenants.beforeTenant(
        () -> {
          lock();
          rotate(clock.instant());
          return null;
        });
    reload();
  }

  /** Re-reads the keys, wrapping any found in clear, and creating the first one if none. */
  void reload() {
    keys = tenants.beforeTenant(() -> loadOrCreate(clock.instant()));
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

  @EventListener(ApplicationReadyEvent.class)
  void atStartup() {
    reload();
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void onSchedule() {
    maintain(clock.instant());
  }

  /**
   * As of {@code now}: introduces a new key if the newest is older than the rotation period,
   * deletes the keys whose retirement time has passed, wraps any key in clear, and re-reads them.
   */
  void maintain(Instant now) {
    keys =
        tenants.beforeTenant(
            () -> {
              lock();
              var newest =
                  jdbc.sql(
                          "select created_at from token_signing_keys"
                              + " order by created_at desc limit 1")
                      .query(Timestamp.class)
                      .optional();
              if (newest.isPresent() && !newest.get().toInstant().plus(rotateEvery).isAfter(now)) {
                rotate(now);
              }
              var deleted =
                  jdbc.sql("delete from token_signing_keys where retired_at <= ?")
                      .param(Timestamp.from(now))
                      .update();
              if (deleted > 0) {
                log.info("Deleted {} retired token signing key(s)", deleted);
              }
              return loadOrCreate(now);
            });
    loadedAt = System.nanoTime();
  }

  private List<OctetSequenceKey> loaded() {
    if (keys.isEmpty()) {
      reload();
    }
    return keys;
  }

  /** One instance at a time creates, rotates, wraps or deletes keys. */
  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('token_signing_keys'))").query().listOfRows();
  }

  private List<OctetSequenceKey> loadOrCreate(Instant now) {
    lock();
    wrapKeysInClear();
    var existing = read(now);
    if (!existing.isEmpty()) {
      return existing;
    }
    insertNewKey(now);
    return read(now);
  }

  private void rotate(Instant now) {
    jdbc.sql("update token_signing_keys set retired_at = ? where retired_at is null")
        .param(Timestamp.from(now.plus(VERIFIES_AFTER_SUPERSEDED)))
        .update();
    insertNewKey(now);
    log.info(
        "Introduced a new token signing key; the older ones retire in {}",
        VERIFIES_AFTER_SUPERSEDED);
  }

  private void insertNewKey(Instant now) {
    var secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    var keyId = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into token_signing_keys (key_id, secret_encrypted, created_at) values (?, ?, ?)")
        .params(keyId, wrap(keyId, secret), Timestamp.from(now))
        .update();
  }

  /** Keys from before they were wrapped: wrapped now, and the clear copy emptied. */
  private void wrapKeysInClear() {
    var clear =
        jdbc.sql("select key_id, secret from token_signing_keys where secret is not null")
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .list();
    for (var key : clear) {
      var keyId = (String) key[0];
      jdbc.sql("update token_signing_keys set secret_encrypted = ?, secret = null where key_id = ?")
          .params(wrap(keyId, (byte[]) key[1]), keyId)
          .update();
    }
    if (!clear.isEmpty()) {
      log.info("Wrapped {} token signing key(s) that were stored in clear", clear.size());
    }
  }

  /** The keys that verify as of {@code now}, the newest unretired one (which signs) first. */
  private List<OctetSequenceKey> read(Instant now) {
    return jdbc.sql(
            "select key_id, secret_encrypted from token_signing_keys"
                + " where retired_at is null or retired_at > ?"
                + " order by retired_at is not null, created_at desc")
        .param(Timestamp.from(now))
        .query(
            (rs, n) ->
                new OctetSequenceKey.Builder(unwrap(rs.getString(1), rs.getBytes(2)))
                    .keyID(rs.getString(1))
                    .build())
        .list();
  }

  private byte[] wrap(String keyId, byte[] secret) {
    return encryption.encrypt(KeyOwner.platform(), SECRET_FIELD, keyId, secret);
  }

  private byte[] unwrap(String keyId, byte[] wrapped) {
    return encryption.decrypt(KeyOwner.platform(), SECRET_FIELD, keyId, wrapped);
  }
}
