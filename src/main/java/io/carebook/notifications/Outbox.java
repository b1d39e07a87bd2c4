package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of the current tenant: every message, in and out, with its delivery state. Storing a
 * message schedules its delivery in the same transaction, so a message is never stored without
 * being sent, nor sent without being stored.
 */
@Repository
public class Outbox {

  static final String COLUMNS =
      "id, clinic_id, channel, recipient, kind, locale, subject, body, status, created_at,"
          + " direction, due_at, attempts, provider, last_error, patient_id, appointment_id,"
          + " variables::text as variables, provider_message_id, secret_encrypted";

  /** Binds a message's sealed secret to its column and row. */
  private static final String SECRET_FIELD = "outbox_messages.secret_encrypted";

  private final JdbcClient jdbc;
  private final MessageTasks tasks;
  private final Encryption encryption;
  private final boolean developerOutbox;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  Outbox(
      JdbcClient jdbc,
      MessageTasks tasks,
      Encryption encryption,
      @Value("${carebook.dev.outbox-page:false}") boolean developerOutbox) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.encryption = encryption;
    this.developerOutbox = developerOutbox;
  }

  void store(
      MessageChannel channel,
      String recipient,
      MessageKind kind,
      String locale,
      String subject,
      String body) {
    schedule(NewMessage.now(channel, recipient, kind, locale, subject, body));
  }

  /** Stores a message whose {@code secret} only its recipient may read: masked, and sealed. */
  void store(
      MessageChannel channel,
      String recipient,
      MessageKind kind,
      String locale,
      String subject,
      String body,
      String secret) {
    schedule(NewMessage.now(channel, recipient, kind, locale, subject, body).withSecret(secret));
  }

  /** Stores an outgoing message and schedules its delivery at its due time. */
  UUID schedule(NewMessage message) {
    var id = UUID.randomUUID();
    var scope = TenantContext.current().orElseThrow();
    var secret = message.secret();
    var body = secret == null ? message.body() : OneTimeSecret.masked(message.body(), secret);
    var variables =
        secret == null ? message.variables() : OneTimeSecret.masked(message.variables(), secret);
    jdbc.sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, due_at, patient_id, appointment_id,
                                         variables, secret_encrypted)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
        .params(
            TenantContext.tenant().value(),
            id,
            scope.clinic() == null ? null : scope.clinic().value(),
            message.channel().name(),
            message.recipient(),
            message.kind().name(),
            message.locale(),
            message.subject(),
            body,
            Timestamp.from(message.dueAt()),
            message.patientId(),
            message.appointmentId(),
            JSON.writeValueAsString(variables),
            secret == null ? null : seal(id, secret))
        .update();
    tasks.schedule(TenantContext.tenant(), id, message.dueAt());
    return id;
  }

  /** Keeps a patient's reply for staff to read. */
  public void received(
      MessageChannel channel,
      String from,
      String body,
      @Nullable UUID patientId,
      MessageKind kind,
      @Nullable String providerMessageId) {
    var scope = TenantContext.current().orElseThrow();
    jdbc.sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, status, direction, patient_id,
                                         provider_message_id)
            values (?, ?, ?, ?, ?, ?, '', '', ?, 'RECEIVED', 'IN', ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            scope.clinic() == null ? null : scope.clinic().value(),
            channel.name(),
            from,
            kind.name(),
            body,
            patientId,
            providerMessageId)
        .update();
  }

  boolean receivedBefore(String providerMessageId) {
    return jdbc.sql(
            "select exists (select 1 from outbox_messages where provider_message_id = ?"
                + " and direction = 'IN')")
        .param(providerMessageId)
        .query(Boolean.class)
        .single();
  }

  /**
   * The newest messages of the current tenant, one-time links and codes masked ({@link
   * OneTimeSecret#MASK}).
   */
  @Transactional(readOnly = true)
  public List<OutboxMessage> recent(int limit) {
    return jdbc.sql("select " + COLUMNS + " from outbox_messages order by created_at desc limit ?")
        .param(limit)
        .query(Outbox::message)
        .list();
  }

  /** The newest messages of one clinic, one-time links and codes masked. */
  @Transactional(readOnly = true)
  public List<OutboxMessage> recent(ClinicId clinic, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from outbox_messages where clinic_id = ? order by created_at desc limit ?")
        .params(clinic.value(), limit)
        .query(Outbox::message)
        .list();
  }

  /**
   * One page of a clinic's messages, newest first, one-time links and codes masked: {@code limit}
   * messages after skipping the {@code skip} newer ones.
   */
  @Transactional(readOnly = true)
  public List<OutboxMessage> page(ClinicId clinic, int skip, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from outbox_messages where clinic_id = ?"
                + " order by created_at desc, id desc offset ? limit ?")
        .params(clinic.value(), skip, limit)
        .query(Outbox::message)
        .list();
  }

  /**
   * The newest messages of the current tenant as their recipients read them, one-time links and
   * codes included: only for the developer's outbox ({@code carebook.dev.outbox-page}), on a
   * machine where nothing is really sent; elsewhere they stay masked.
   */
  @Transactional(readOnly = true)
  public List<OutboxMessage> revealed(int limit) {
    return jdbc.sql("select " + COLUMNS + " from outbox_messages order by created_at desc limit ?")
        .param(limit)
        .query((rs, n) -> developerOutbox ? opened(rs, n).message() : message(rs, n))
        .list();
  }

  /** The messages of one clinic that could not be delivered after every retry, newest first. */
  @Transactional(readOnly = true)
  public List<OutboxMessage> failed(ClinicId clinic, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from outbox_messages where status = 'FAILED' and clinic_id = ?"
                + " order by updated_at desc, id desc limit ?")
        .params(clinic.value(), limit)
        .query(Outbox::message)
        .list();
  }

  /** A failed message and when it last changed (when it failed): its place in the list. */
  private record Failed(OutboxMessage message, Instant at) {}

  /**
   * A page of {@link #failed(ClinicId, int)}: at most {@code limit} after {@code after} (failed at,
   * id), newest first, read through the index of failed messages.
   */
  @Transactional(readOnly = true)
  public CursorPage<OutboxMessage> failed(ClinicId clinic, int limit, @Nullable Keyset after) {
    var rows =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + ", updated_at from outbox_messages where status = 'FAILED' and clinic_id = ?"
                    + (after == null ? "" : " and (updated_at, id) < (?, ?)")
                    + " order by updated_at desc, id desc limit ?")
            .params(
                after == null
                    ? List.of(clinic.value(), limit + 1)
                    : List.of(clinic.value(), after.timestamp(), after.id(), limit + 1))
            .query((rs, n) -> new Failed(message(rs, n), rs.getTimestamp("updated_at").toInstant()))
            .list();
    return CursorPage.ofOneMore(rows, limit, f -> Keyset.of(f.at(), f.message().id()))
        .map(Failed::message);
  }

  /** Sends a failed message of the clinic again, now, with a fresh count of attempts. */
  @Transactional
  public void resend(ClinicId clinic, UUID id) {
    var status =
        jdbc.sql("select status from outbox_messages where id = ? and clinic_id = ? for update")
            .params(id, clinic.value())
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Message"));
    if (!"FAILED".equals(status)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "not-failed", "Only a failed message can be sent again.");
    }
    var now = Instant.now();
    jdbc.sql(
            """
            update outbox_messages set status = 'SCHEDULED', attempts = 0, due_at = ?,
                   last_error = null, updated_at = now() where id = ?""")
        .params(Timestamp.from(now), id)
        .update();
    tasks.schedule(TenantContext.tenant(), id, now);
  }

  /** Cancels the messages about an appointment that have not gone out yet. */
  int cancelPending(UUID appointment, String reason) {
    return jdbc.sql(
            """
            update outbox_messages set status = 'CANCELED', last_error = ?, updated_at = now()
            where appointment_id = ? and status = 'SCHEDULED' and direction = 'OUT'""")
        .params(reason, appointment)
        .update();
  }

  /** Whether a message of this kind about the appointment exists (a repeated event). */
  /** Whether the patient was already written a message of this kind since {@code since}. */
  boolean toPatientSince(UUID patient, MessageKind kind, Instant since) {
    return jdbc.sql(
            """
            select exists (select 1 from outbox_messages where patient_id = ? and kind = ?
                             and created_at >= ?)""")
        .params(patient, kind.name(), java.sql.Timestamp.from(since))
        .query(Boolean.class)
        .single();
  }

  boolean about(UUID appointment, MessageKind kind) {
    return jdbc.sql(
            "select exists (select 1 from outbox_messages where appointment_id = ? and kind = ?)")
        .params(appointment, kind.name())
        .query(Boolean.class)
        .single();
  }

  /**
   * How many SMS and WhatsApp messages a clinic sent through a provider since {@code since} (not
   * those only kept in the outbox, with no provider set up), counted up to {@code cap} at most, so
   * the count stays as cheap as the plan's limit is small.
   */
  long paidSentSince(ClinicId clinic, Instant since, long cap) {
    return jdbc.sql(
            """
            select count(*) from (
              select 1 from outbox_messages
               where clinic_id = ? and channel in ('SMS', 'WHATSAPP') and sent_at is not null
                 and direction = 'OUT' and sent_at >= ? and provider is distinct from 'log'
               limit ?) paid""")
        .params(clinic.value(), java.sql.Timestamp.from(since), cap)
        .query(Long.class)
        .single();
  }

  /** A message as it is delivered: its one-time secret, if any, back in its text. */
  @Nullable Row find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from outbox_messages where id = ?")
        .param(id)
        .query(this::opened)
        .optional()
        .orElse(null);
  }

  private byte[] seal(UUID id, String secret) {
    return encryption.encrypt(
        keyOwner(), SECRET_FIELD, id.toString(), secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The row with its secret opened; as stored when it has none (any more). */
  private Row opened(ResultSet rs, int n) throws SQLException {
    var row = row(rs, n);
    var sealed = rs.getBytes("secret_encrypted");
    if (sealed == null) {
      return row;
    }
    var m = row.message();
    var secret =
        new String(
            encryption.decrypt(keyOwner(), SECRET_FIELD, m.id().toString(), sealed),
            StandardCharsets.UTF_8);
    var opened =
        new OutboxMessage(
            m.id(),
            m.channel(),
            m.recipient(),
            m.kind(),
            m.locale(),
            m.subject(),
            OneTimeSecret.opened(m.body(), secret),
            m.status(),
            m.createdAt(),
            m.direction(),
            m.dueAt(),
            m.attempts(),
            m.provider(),
            m.lastError());
    return new Row(
        opened,
        row.clinicId(),
        row.patientId(),
        row.appointmentId(),
        OneTimeSecret.opened(row.variables(), secret));
  }

  /** The platform's own messages (a password reset) are sealed with the platform's key. */
  private static KeyOwner keyOwner() {
    return TenantId.PLATFORM.equals(TenantContext.tenant())
        ? KeyOwner.platform()
        : KeyOwner.currentTenant();
  }

  /** A message with what delivery needs beyond what the page shows. */
  record Row(
      OutboxMessage message,
      @Nullable UUID clinicId,
      @Nullable UUID patientId,
      @Nullable UUID appointmentId,
      Map<String, String> variables) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    @SuppressWarnings("unchecked")
    Map<String, String> variables = JSON.readValue(rs.getString("variables"), Map.class);
    return new Row(
        message(rs, n),
        rs.getObject("clinic_id", UUID.class),
        rs.getObject("patient_id", UUID.class),
        rs.getObject("appointment_id", UUID.class),
        variables);
  }

  static OutboxMessage message(ResultSet rs, int n) throws SQLException {
    return new OutboxMessage(
        rs.getObject("id", UUID.class),
        MessageChannel.valueOf(rs.getString("channel")),
        rs.getString("recipient"),
        MessageKind.valueOf(rs.getString("kind")),
        rs.getString("locale"),
        rs.getString("subject"),
        rs.getString("body"),
        MessageStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("direction"),
        rs.getTimestamp("due_at").toInstant(),
        rs.getInt("attempts"),
        rs.getString("provider"),
        rs.getString("last_error"));
  }
}
