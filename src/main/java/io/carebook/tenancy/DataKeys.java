package io.carebook.tenancy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys: one Tink AES-256-GCM keyset per owner, created on first use and stored wrapped by
 * the {@link MasterKey}, with the owner as associated data so a wrapped key cannot be moved to
 * another owner. A tenant's key lives in a table under row-level security, so it can be read only
 * inside that tenant's context. Unwrapped keys stay in memory for the life of the process.
 */
@Component
class DataKeys {

  private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

  private final JdbcClient jdbc;
  private final MasterKey master;
  private final TransactionTemplate ownTransaction;
  private final Map<KeyOwner, Aead> unwrapped = new ConcurrentHashMap<>();

  DataKeys(JdbcClient jdbc, MasterKey master, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.master = master;
    this.ownTransaction = new TransactionTemplate(transactions);
    // a new key commits on its own: data encrypted with it must never outlive its key
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Aead of(KeyOwner owner) {
    requireInContext(owner);
    var aead = unwrapped.get(owner);
    if (aead == null) {
      aead = Objects.requireNonNull(ownTransaction.execute(s -> loadOrCreate(owner)));
      unwrapped.putIfAbsent(owner, aead);
    }
    return aead;
  }

  /** Re-wraps the owner's key with the current master key if an older one wrapped it. */
  boolean rewrapIfStale(KeyOwner owner) {
    requireInContext(owner);
    return Boolean.TRUE.equals(
        ownTransaction.execute(
            s ->
                read(owner)
                    .filter(row -> row.masterKeyId() != master.currentId())
                    .map(row -> rewrap(owner, unwrap(owner, row)))
                    .isPresent()));
  }

  private Aead loadOrCreate(KeyOwner owner) {
    var row = read(owner);
    if (row.isEmpty()) {
      insert(owner, wrap(owner, generate()));
      row = read(owner); // another instance may have won the race: use the stored key
    }
    var keyset = unwrap(owner, row.orElseThrow());
    if (row.get().masterKeyId() != master.currentId()) {
      rewrap(owner, keyset);
    }
    try {
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The data key of " + owner.label() + " is unusable", e);
    }
  }

  private record Row(byte[] keyset, int masterKeyId) {}

  private Optional<Row> read(KeyOwner owner) {
    var sql =
        switch (owner) {
          case KeyOwner.Platform p ->
              jdbc.sql(
                  "select keyset, master_key_id from platform_data_keys where name = 'platform'");
          case KeyOwner.Tenant t ->
              jdbc.sql("select keyset, master_key_id from tenant_data_keys where tenant_id = ?")
                  .param(t.id().value());
        };
    return sql.query((rs, n) -> new Row(rs.getBytes(1), rs.getInt(2))).optional();
  }

  private void insert(KeyOwner owner, byte[] wrapped) {
    var sql =
        switch (owner) {
          case KeyOwner.Platform p ->
              jdbc.sql(
                      "insert into platform_data_keys (name, keyset, master_key_id)"
                          + " values ('platform', ?, ?) on conflict do nothing")
                  .params(wrapped, master.currentId());
          case KeyOwner.Tenant t ->
              jdbc.sql(
                      "insert into tenant_data_keys (tenant_id, keyset, master_key_id)"
                          + " values (?, ?, ?) on conflict do nothing")
                  .params(t.id().value(), wrapped, master.currentId());
        };
    sql.update();
  }

  private KeyOwner rewrap(KeyOwner owner, KeysetHandle keyset) {
    var wrapped = wrap(owner, keyset);
    var sql =
        switch (owner) {
          case KeyOwner.Platform p ->
              jdbc.sql(
                  "update platform_data_keys set keyset = ?, master_key_id = ?,"
                      + " rewrapped_at = now() where name = 'platform'");
          case KeyOwner.Tenant t ->
              jdbc.sql(
                      "update tenant_data_keys set keyset = ?, master_key_id = ?,"
                          + " rewrapped_at = now() where tenant_id = ?")
                  .param(3, t.id().value());
        };
    sql.param(1, wrapped).param(2, master.currentId()).update();
    log.info("Data key of {} re-wrapped with the current master key", owner.label());
    return owner;
  }

  private static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not generate a data key", e);
    }
  }

  private byte[] wrap(KeyOwner owner, KeysetHandle keyset) {
    try {
      return master.wrap(keyset, wrappingData(owner));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not wrap the data key of " + owner.label(), e);
    }
  }

  private KeysetHandle unwrap(KeyOwner owner, Row row) {
    try {
      return master.unwrap(row.keyset(), wrappingData(owner));
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException(
          "The data key of "
              + owner.label()
              + " does not unwrap with the configured master keys: is the right master key"
              + " configured (and the previous one, during a rotation)?",
          e);
    }
  }

  private static byte[] wrappingData(KeyOwner owner) {
    return ("carebook data key:" + owner.label()).getBytes(StandardCharsets.UTF_8);
  }

  /** A tenant's key may be used only in that tenant's context, cached or not. */
  private static void requireInContext(KeyOwner owner) {
    if (owner instanceof KeyOwner.Tenant(var tenant) && !tenant.equals(TenantContext.tenant())) {
      throw new IllegalStateException("A tenant's data key is used only in its own context");
    }
  }
}
