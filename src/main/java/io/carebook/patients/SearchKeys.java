package io.carebook.patients;

import io.carebook.shared.TenantId;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keyed hash (HMAC-SHA256) that lets an encrypted identifier be found by its exact value. Each
 * organization has its own random 256-bit hash key, stored sealed by the organization's data key
 * through {@link Encryption} (so the master key wraps it in turn, and row-level security hides it
 * from every other organization): the same national id hashes differently in each organization, and
 * nobody holding the database alone can test guesses against the hashes.
 *
 * <p>Why a stored key rather than one derived from the data key: Tink does not hand out the raw
 * bytes of an AEAD key, and a key of its own can be rotated apart from the data key.
 */
@Component
class SearchKeys {

  private static final String FIELD = "patient_search_keys.sealed_key";

  private final JdbcClient jdbc;
  private final Encryption encryption;
  private final TransactionTemplate ownTransaction;
  private final Map<TenantId, SecretKeySpec> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  SearchKeys(JdbcClient jdbc, Encryption encryption, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.ownTransaction = new TransactionTemplate(transactions);
    // a new key commits on its own: a hash made with it must never outlive it
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The keyed hash of an already normalized value, for the organization in context. */
  byte[] hash(String normalized) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(key(TenantContext.tenant()));
      return mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private SecretKeySpec key(TenantId tenant) {
    var key = keys.get(tenant);
    if (key == null) {
      key = Objects.requireNonNull(ownTransaction.execute(s -> loadOrCreate(tenant)));
      keys.putIfAbsent(tenant, key);
    }
    return key;
  }

  private SecretKeySpec loadOrCreate(TenantId tenant) {
    var rowId = tenant.toString();
    var sealed = read();
    if (sealed == null) {
      var fresh = new byte[32];
      random.nextBytes(fresh);
      jdbc.sql(
              "insert into patient_search_keys (tenant_id, sealed_key) values (?, ?)"
                  + " on conflict do nothing")
          .params(tenant.value(), encryption.encrypt(KeyOwner.currentTenant(), FIELD, rowId, fresh))
          .update();
      sealed = Objects.requireNonNull(read()); // another instance may have won: use the stored one
    }
    var raw = encryption.decrypt(KeyOwner.currentTenant(), FIELD, rowId, sealed);
    return new SecretKeySpec(raw, "HmacSHA256");
  }

  private byte @org.jspecify.annotations.Nullable [] read() {
    return jdbc.sql("select sealed_key from patient_search_keys")
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .orElse(null);
  }
}
