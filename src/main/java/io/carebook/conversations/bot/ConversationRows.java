package io.carebook.conversations.bot;

import io.carebook.conversations.Author;
import io.carebook.conversations.Conversation;
import io.carebook.conversations.ConversationId;
import io.carebook.conversations.ConversationMessage;
import io.carebook.conversations.ConversationState;
import io.carebook.notifications.MessageChannel;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conversations and transcripts of the current organization, in SQL. Every method runs in the
 * caller's transaction; the ones that lock do so {@code FOR UPDATE} until it ends, so one instance
 * at a time carries a conversation on.
 */
@Repository
public class ConversationRows {

  private static final String COLUMNS =
      "id, clinic_id, channel, phone, patient_id, locale, state, assigned_to, step::text as step,"
          + " last_inbound_at, created_at, updated_at";

  /** A conversation with the bot's place in it (JSON). */
  public record Row(Conversation conversation, String step) {
    public ConversationId id() {
      return conversation.id();
    }
  }

  private final JdbcClient jdbc;

  ConversationRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The open conversation of a phone with the clinic on a channel, opened if none; locked. */
  public Row openOrCreate(ClinicId clinic, MessageChannel channel, String phone, Locale locale) {
    jdbc.sql(
            """
            insert into conversations (tenant_id, id, clinic_id, channel, phone, locale)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, clinic_id, channel, phone) where state <> 'CLOSED' do nothing""")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            clinic.value(),
            channel.name(),
            phone,
            language(locale))
        .update();
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from conversations where clinic_id = ? and channel = ? and phone = ?"
                + " and state <> 'CLOSED' for update")
        .params(clinic.value(), channel.name(), phone)
        .query(ConversationRows::row)
        .single();
  }

  /** The open conversation of a phone with the clinic on any channel, WhatsApp first; locked. */
  public Optional<Row> lockOpen(ClinicId clinic, String phone) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from conversations where clinic_id = ? and phone = ? and state <> 'CLOSED'"
                + " order by (channel = 'WHATSAPP') desc, updated_at desc limit 1 for update")
        .params(clinic.value(), phone)
        .query(ConversationRows::row)
        .optional();
  }

  public Optional<Row> lock(ConversationId id) {
    return jdbc.sql("select " + COLUMNS + " from conversations where id = ? for update")
        .param(id.value())
        .query(ConversationRows::row)
        .optional();
  }

  public Optional<Conversation> find(ConversationId id) {
    return jdbc.sql("select " + COLUMNS + " from conversations where id = ?")
        .param(id.value())
        .query(ConversationRows::row)
        .optional()
        .map(Row::conversation);
  }

  /**
   * Keeps the patient's message, once per provider message id, and opens the service window; false
   * when that message was kept before (delivered again, or by another instance).
   */
  public boolean inbound(
      ConversationId id,
      String body,
      @Nullable String payload,
      @Nullable String providerMessageId,
      Instant at) {
    var kept =
        jdbc.sql(
                """
                insert into conversation_messages (tenant_id, id, conversation_id, direction,
                    author, body, payload, provider_message_id)
                values (?, ?, ?, 'IN', 'PATIENT', ?, ?::jsonb, ?)
                on conflict (tenant_id, provider_message_id) where provider_message_id is not null
                do nothing""")
            .params(
                TenantContext.tenant().value(),
                UUID.randomUUID(),
                id.value(),
                OneTimeCodes.masked(body),
                payload,
                providerMessageId)
            .update();
    if (kept == 0) {
      return false;
    }
    jdbc.sql(
            "update conversations set last_inbound_at = greatest(last_inbound_at, ?),"
                + " updated_at = now() where id = ?")
        .params(Timestamp.from(at), id.value())
        .update();
    return true;
  }

  /** Appends a line to the transcript (one-time codes masked). */
  public void append(
      ConversationId id,
      String direction,
      Author author,
      @Nullable UUID authorId,
      String body,
      @Nullable String payload) {
    jdbc.sql(
            """
            insert into conversation_messages (tenant_id, id, conversation_id, direction, author,
                author_id, body, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            id.value(),
            direction,
            author.name(),
            authorId,
            OneTimeCodes.masked(body),
            payload)
        .update();
    jdbc.sql("update conversations set updated_at = now() where id = ?").param(id.value()).update();
  }

  /** Who carries the conversation now. */
  public void state(ConversationId id, ConversationState state, @Nullable UserId assignedTo) {
    jdbc.sql("update conversations set state = ?, assigned_to = ?, updated_at = now() where id = ?")
        .params(state.name(), assignedTo == null ? null : assignedTo.value(), id.value())
        .update();
  }

  /** The bot's place, the language and the patient, as the bot leaves them. */
  public void step(ConversationId id, String step, Locale locale, @Nullable PatientId patient) {
    jdbc.sql(
            """
            update conversations set step = ?::jsonb, locale = ?, patient_id = ?, updated_at = now()
            where id = ?""")
        .params(step, language(locale), patient == null ? null : patient.value(), id.value())
        .update();
  }

  /** The whole transcript, oldest first. */
  public List<ConversationMessage> transcript(ConversationId id) {
    return jdbc.sql(
            """
            select id, conversation_id, direction, author, author_id, body, payload::text,
                   created_at
            from conversation_messages where conversation_id = ? order by created_at, id""")
        .param(id.value())
        .query(
            (rs, n) ->
                new ConversationMessage(
                    rs.getObject(1, UUID.class),
                    new ConversationId(rs.getObject(2, UUID.class)),
                    rs.getString(3),
                    Author.valueOf(rs.getString(4)),
                    rs.getObject(5, UUID.class),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** The language a conversation is kept in: en, es or ar (English for any other). */
  public static String language(Locale locale) {
    var language = locale.getLanguage();
    return List.of("en", "es", "ar").contains(language) ? language : "en";
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    var patient = rs.getObject("patient_id", UUID.class);
    var assigned = rs.getObject("assigned_to", UUID.class);
    var inbound = rs.getTimestamp("last_inbound_at");
    return new Row(
        new Conversation(
            new ConversationId(rs.getObject("id", UUID.class)),
            new ClinicId(rs.getObject("clinic_id", UUID.class)),
            MessageChannel.valueOf(rs.getString("channel")),
            rs.getString("phone"),
            patient == null ? null : new PatientId(patient),
            Locale.forLanguageTag(rs.getString("locale")),
            ConversationState.valueOf(rs.getString("state")),
            assigned == null ? null : new UserId(assigned),
            inbound == null ? null : inbound.toInstant(),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant()),
        rs.getString("step"));
  }
}
