package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Values encrypted at rest: readable only as the same owner, field and row, across rotations. */
@CarebookTest
class EncryptionTests {

  private static final byte[] SECRET =
      "national id 29001011234567".getBytes(StandardCharsets.UTF_8);

  @Autowired Encryption encryption;
  @Autowired Organizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Environment environment;

  TenantId tenant;

  @BeforeEach
  void openOrganization() {
    tenant = TenantId.random();
    var clinic = ClinicId.random();
    tenants.run(
        tenant,
        () ->
            organizations.open(
                tenant,
                "Encrypted Org",
                clinic,
                new NewClinic("Main", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG")));
  }

  @Test
  void aValueRoundTripsForItsOwnerFieldAndRow() {
    var sealed = inTenant(() -> encryption.encrypt(KeyOwner.currentTenant(), "f", "row-1", SECRET));
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("29001011234567");
    assertThat(inTenant(() -> encryption.decrypt(KeyOwner.currentTenant(), "f", "row-1", sealed)))
        .isEqualTo(SECRET);

    var global = encryption.encrypt(KeyOwner.platform(), "users.secret", "u1", SECRET);
    assertThat(encryption.decrypt(KeyOwner.platform(), "users.secret", "u1", global))
        .isEqualTo(SECRET);
    assertThat(encryption.encrypt(KeyOwner.platform(), "users.secret", "u1", SECRET))
        .as("a fresh nonce every time")
        .isNotEqualTo(global);
  }

  @Test
  void aTamperedCiphertextIsRefused() {
    var sealed = encryption.encrypt(KeyOwner.platform(), "f", "row-1", SECRET);
    sealed[sealed.length - 3] ^= 1;
    assertThatThrownBy(() -> encryption.decrypt(KeyOwner.platform(), "f", "row-1", sealed))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void aCiphertextMovedToAnotherRowFieldOrOwnerIsRefused() {
    var sealed = inTenant(() -> encryption.encrypt(KeyOwner.currentTenant(), "f", "row-1", SECRET));
    assertThatThrownBy(
            () ->
                inTenant(() -> encryption.decrypt(KeyOwner.currentTenant(), "f", "row-2", sealed)))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(
            () ->
                inTenant(() -> encryption.decrypt(KeyOwner.currentTenant(), "g", "row-1", sealed)))
        .isInstanceOf(DecryptionFailedException.class);
    assertThatThrownBy(() -> encryption.decrypt(KeyOwner.platform(), "f", "row-1", sealed))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void aTenantsKeyIsUsableOnlyInsideThatTenantsContext() {
    inTenant(() -> encryption.encrypt(KeyOwner.currentTenant(), "f", "row-1", SECRET));
    var other = TenantId.random();
    assertThatThrownBy(
            () ->
                tenants.call(
                    other,
                    () -> encryption.encrypt(new KeyOwner.Tenant(tenant), "f", "row-1", SECRET)))
        .isInstanceOf(IllegalStateException.class);
    var stored =
        OwnerDatabase.jdbc(environment)
            .sql("select keyset from tenant_data_keys where tenant_id = ?")
            .param(tenant.value())
            .query(byte[].class)
            .single();
    assertThat(stored).as("stored wrapped, not as a readable keyset").isNotEmpty();
    var visibleToOthers =
        tenants.call(
            other,
            () -> jdbc.sql("select count(*) from tenant_data_keys").query(Long.class).single());
    assertThat(visibleToOthers).isZero();
  }

  @Test
  void aNewMasterKeyKeepsOldDataReadableAndRewrapsTheDataKeys() {
    var oldKey = environment.getRequiredProperty("carebook.master-key");
    var sealed = inTenant(() -> encryption.encrypt(KeyOwner.currentTenant(), "f", "row-1", SECRET));
    var newKey = MasterKey.generate();

    var rotating = encryptionWith(MasterKey.of(newKey, List.of(oldKey)));
    assertThat(inTenant(() -> rotating.decrypt(KeyOwner.currentTenant(), "f", "row-1", sealed)))
        .isEqualTo(SECRET);

    var afterRotation = encryptionWith(MasterKey.of(newKey, List.of()));
    assertThat(
            inTenant(() -> afterRotation.decrypt(KeyOwner.currentTenant(), "f", "row-1", sealed)))
        .as("the data key was re-wrapped with the new master key")
        .isEqualTo(SECRET);
    var onlyTheOldKey = encryptionWith(MasterKey.of(oldKey, List.of()));
    assertThatThrownBy(
            () ->
                inTenant(
                    () -> onlyTheOldKey.decrypt(KeyOwner.currentTenant(), "f", "row-1", sealed)))
        .isInstanceOf(DecryptionFailedException.class)
        .hasMessageContaining("master key");
    var back = new DataKeys(jdbc, MasterKey.of(oldKey, List.of(newKey)), transactions);
    assertThat(inTenant(() -> back.rewrapIfStale(KeyOwner.currentTenant()))).isTrue();
  }

  @Test
  void theRotationSweepRewrapsEveryKeyThatAnOlderMasterKeyWrapped() {
    var appKey = environment.getRequiredProperty("carebook.master-key");
    var oldKey = MasterKey.generate();
    var beforeRotation = encryptionWith(MasterKey.of(oldKey, List.of()));
    var sealed =
        inTenant(() -> beforeRotation.encrypt(KeyOwner.currentTenant(), "f", "row-1", SECRET));

    var rotating = MasterKey.of(appKey, List.of(oldKey));
    var sweep =
        new DataKeyRewrapping(rotating, new DataKeys(jdbc, rotating, transactions), organizations);
    assertThat(sweep.all()).isPositive();

    var wrappedWith =
        OwnerDatabase.jdbc(environment)
            .sql("select master_key_id from tenant_data_keys where tenant_id = ?")
            .param(tenant.value())
            .query(Integer.class)
            .single();
    assertThat(wrappedWith).isEqualTo(rotating.currentId());
    assertThat(inTenant(() -> encryption.decrypt(KeyOwner.currentTenant(), "f", "row-1", sealed)))
        .isEqualTo(SECRET);
  }

  private Encryption encryptionWith(MasterKey master) {
    return new Encryption(new DataKeys(jdbc, master, transactions));
  }

  private <T> T inTenant(java.util.function.Supplier<T> work) {
    return TenantContext.call(TenantContext.Scope.system(tenant), work::get);
  }
}
