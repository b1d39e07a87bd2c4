package io.carebook.audit;

import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Anchors each tenant's audit chain outside the database: signed checkpoints of its head, made
 * every {@code carebook.audit.checkpoint-interval} (an hour unless set) for the organizations whose
 * chain grew, and on demand when an owner downloads one. Verifying the chain against a checkpoint
 * tells whether the rows it covered were rewritten since, even with the chain recomputed to match,
 * which only someone with the database's owner role could do.
 */
@Service
public class AuditCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;
  private final AuditChain chain;
  private final CheckpointKey key;
  private final CheckpointPublisher publisher;
  private final Clock clock;

  /** When the last periodic pass began; null until the first (which looks at every chain). */
  private @Nullable Instant lastPass;

  AuditCheckpoints(
      JdbcClient jdbc,
      TenantTransactions tenants,
      AuditChain chain,
      CheckpointKey key,
      Clock clock,
      @Value("${carebook.audit.checkpoint-url:}") String url) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.chain = chain;
    this.key = key;
    this.clock = clock;
    this.publisher = new CheckpointPublisher(url);
  }

  /** What verifying a chain against a checkpoint found. */
  public enum Outcome {
    /** The chain still holds the checkpoint's rows as they were. */
    MATCHES,
    /** The rows the checkpoint covers, or the chain over them, changed since it was signed. */
    REWRITTEN,
    /** The chain itself is broken (see {@link Verdict#firstBroken}). */
    BROKEN,
    /** The signature does not match the checkpoint: it was altered or is not one of ours. */
    BAD_SIGNATURE,
    /** A checkpoint of another organization's chain. */
    OTHER_TENANT
  }

  /**
   * The outcome, the first broken row if the chain itself is broken, and whether this server's
   * current key signed the checkpoint (false after the key was replaced, or for a foreign one).
   */
  public record Verdict(Outcome outcome, @Nullable Long firstBroken, boolean signedByThisServer) {}

  /** Links {@code tenant}'s rows written so far and signs a checkpoint of its chain's head. */
  public AuditCheckpoint sign(TenantId tenant) {
    chain.chain(tenant);
    var head = head(tenant).orElse(new Head(0, new byte[0]));
    var signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    var unsigned =
        new AuditCheckpoint(
            tenant, head.seq(), head.hash(), signedAt, key.publicKey(), new byte[0]);
    var checkpoint =
        new AuditCheckpoint(
            tenant,
            head.seq(),
            head.hash(),
            signedAt,
            key.publicKey(),
            key.sign(unsigned.signedBytes()));
    tenants.run(
        tenant,
        () ->
            jdbc.sql(
                    """
                    insert into audit_checkpoints
                      (tenant_id, seq, head_hash, signed_at, signed_by, signature)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                    tenant.value(),
                    checkpoint.seq(),
                    checkpoint.head(),
                    Timestamp.from(signedAt),
                    checkpoint.publicKey(),
                    checkpoint.signature())
                .update());
    publisher.publish(checkpoint);
    return checkpoint;
  }

  /** Whether {@code checkpoint} still describes {@code tenant}'s chain. */
  public Verdict verify(TenantId tenant, AuditCheckpoint checkpoint) {
    var ours = key.isMine(checkpoint.publicKey());
    if (!CheckpointKey.verifies(
        checkpoint.publicKey(), checkpoint.signature(), checkpoint.signedBytes())) {
      return new Verdict(Outcome.BAD_SIGNATURE, null, ours);
    }
    if (!checkpoint.tenant().equals(tenant)) {
      return new Verdict(Outcome.OTHER_TENANT, null, ours);
    }
    var broken = chain.firstBroken(tenant);
    if (broken.isPresent()) {
      return new Verdict(Outcome.BROKEN, broken.get(), ours);
    }
    var now = checkpoint.seq() == 0 ? Optional.of(new byte[0]) : hashAt(tenant, checkpoint.seq());
    var same = now.isPresent() && Arrays.equals(now.get(), checkpoint.head());
    return new Verdict(same ? Outcome.MATCHES : Outcome.REWRITTEN, null, ours);
  }

  /** Signs a checkpoint for every organization whose chain grew since the last pass. */
  @Scheduled(
      initialDelayString = "${carebook.audit.checkpoint-interval:PT1H}",
      fixedDelayString = "${carebook.audit.checkpoint-interval:PT1H}")
  synchronized void checkpointEveryTenant() {
    var started = clock.instant();
    try {
      // a link written by a step that began a little before the last pass may have committed
      // after it: look back a minute further
      var since = lastPass == null ? Instant.EPOCH : lastPass.minus(Duration.ofMinutes(1));
      jdbc.sql("select audit_checkpoint_due_tenants(?)")
          .param(Timestamp.from(since))
          .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
          .list()
          .forEach(this::sign);
      lastPass = started;
    } catch (RuntimeException e) {
      log.warn("Audit checkpoints will retry: {}", e.getMessage());
    }
  }

  private record Head(long seq, byte[] hash) {}

  private Optional<Head> head(TenantId tenant) {
    return tenants.call(
        tenant,
        () ->
            jdbc.sql(
                    """
                    select first_seq + cardinality(ids) - 1, link_hash from audit_chain
                     where tenant_id = ? order by last_id desc limit 1""")
                .param(tenant.value())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .optional());
  }

  /** The hash of the link that ends at chain position {@code seq}, if one does. */
  private Optional<byte[]> hashAt(TenantId tenant, long seq) {
    return tenants.call(
        tenant,
        () ->
            jdbc.sql(
                    """
                    select link_hash from audit_chain
                     where tenant_id = ? and first_seq <= ? and first_seq + cardinality(ids) - 1 = ?
                    """)
                .params(tenant.value(), seq, seq)
                .query((rs, n) -> rs.getBytes(1))
                .optional());
  }
}
