package io.carebook.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves messages of the current tenant through their states: SCHEDULED → SENT → DELIVERED → READ,
 * or FAILED, or CANCELED. States only move forward, so a provider's late or repeated status
 * callback changes nothing.
 */
@Component
public class DeliveryStates {

  /** The states in order; a status update never moves a message back. */
  static final List<MessageStatus> ORDER =
      List.of(
          MessageStatus.SCHEDULED, MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);

  private final JdbcClient jdbc;
  private final boolean keepSecrets;

  /**
   * {@code keepSecrets}: whether a message's sealed one-time secret outlives its delivery; only on
   * a developer's machine, whose outbox page shows messages as sent ({@code
   * carebook.dev.outbox-page}). Elsewhere it is erased once delivered or canceled, so nobody can
   * read the link or code from the outbox afterwards, not even with the keys.
   */
  DeliveryStates(JdbcClient jdbc, @Value("${carebook.dev.outbox-page:false}") boolean keepSecrets) {
    this.jdbc = jdbc;
    this.keepSecrets = keepSecrets;
  }

  void sent(UUID id, MessageChannel channel, Channel.Sent sent) {
    jdbc.sql(
            """
            update outbox_messages set status = 'SENT', channel = ?, provider = ?,
                   provider_message_id = ?, attempts = attempts + 1, sent_at = now(),
                   last_error = null, updated_at = now(),
                   secret_encrypted = case when ? then secret_encrypted end
            where id = ? and status = 'SCHEDULED'""")
        .params(channel.name(), sent.provider(), sent.providerMessageId(), keepSecrets, id)
        .update();
  }

  void retryAt(UUID id, String error, Instant at) {
    jdbc.sql(
            """
            update outbox_messages set attempts = attempts + 1, last_error = ?, due_at = ?,
                   updated_at = now()
            where id = ? and status = 'SCHEDULED'""")
        .params(error, Timestamp.from(at), id)
        .update();
  }

  void deferTo(UUID id, Instant at) {
    jdbc.sql("update outbox_messages set due_at = ?, updated_at = now() where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  void failed(UUID id, String error, boolean attempted) {
    jdbc.sql(
            """
            update outbox_messages set status = 'FAILED', last_error = ?,
                   attempts = attempts + ?, updated_at = now()
            where id = ? and status = 'SCHEDULED'""")
        .params(error, attempted ? 1 : 0, id)
        .update();
  }

  void canceled(UUID id, String reason) {
    jdbc.sql(
            """
            update outbox_messages set status = 'CANCELED', last_error = ?, updated_at = now(),
                   secret_encrypted = case when ? then secret_encrypted end
            where id = ? and status = 'SCHEDULED'""")
        .params(reason, keepSecrets, id)
        .update();
  }

  /**
   * A provider reports a message's state (by the provider's id, or ours). Returns whether a message
   * moved; a repeat or an older state moves nothing.
   */
  public boolean reported(
      @Nullable String providerMessageId,
      @Nullable UUID ours,
      MessageStatus state,
      @Nullable String error) {
    var earlier = ORDER.subList(0, Math.max(0, ORDER.indexOf(state)));
    var failed = state == MessageStatus.FAILED;
    return jdbc.sql(
                """
                update outbox_messages set status = ?, last_error = coalesce(?, last_error),
                       updated_at = now()
                where (provider_message_id = ? or id = ?) and direction = 'OUT'
                  and status = any (?)""")
            .params(
                state.name(),
                error,
                providerMessageId,
                ours,
                (failed ? List.of(MessageStatus.SENT, MessageStatus.DELIVERED) : earlier)
                    .stream().map(MessageStatus::name).toArray(String[]::new))
            .update()
        > 0;
  }
}
