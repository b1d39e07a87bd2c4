package io.carebook.conversations.inbox;

import io.carebook.conversations.Author;
import io.carebook.conversations.ConversationState;
import io.carebook.shared.ClinicId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the staff inbox reads of a clinic's conversations, in SQL over wacore's tables: the queue
 * (waiting for a person first, oldest first; then those a person holds; then the bot's of the last
 * week), one conversation, its transcript with who wrote each line, and the count waiting.
 */
@Component
public class InboxQueries {

  private static final int MOST = 100;

  private final JdbcClient jdbc;

  InboxQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A conversation as the inbox shows it. {@code waitingSince} is null when nobody waits. */
  public record Conversation(
      UUID id,
      UUID clinicId,
      String channel,
      String phone,
      @Nullable UUID patientId,
      String locale,
      ConversationState state,
      @Nullable UUID assignedTo,
      @Nullable String assignedName,
      @Nullable Instant lastInboundAt,
      @Nullable Instant waitingSince,
      Instant updatedAt,
      @Nullable String lastBody) {}

  /**
   * One line of a transcript: who wrote it (a person's or an agent's name when known, also for the
   * SYSTEM lines that record who acted), and when; {@code event} names a SYSTEM line's change.
   */
  public record Line(
      UUID id,
      String direction,
      Author author,
      @Nullable UUID authorId,
      @Nullable String authorName,
      String body,
      boolean interactive,
      @Nullable String event,
      @Nullable String actor,
      Instant at) {}

  private static final String CONVERSATION =
      """
      select c.id, c.clinic_id, c.channel, c.phone, c.patient_id, c.locale, c.state, c.assigned_to,
             u.display_name as assigned_name, c.last_inbound_at, c.updated_at,
             case c.state
               when 'WAITING' then coalesce(
                 (select max(s.created_at) from conversation_messages s
                   where s.tenant_id = c.tenant_id and s.conversation_id = c.id
                     and s.author = 'SYSTEM'), c.updated_at)
               when 'PERSON' then
                 (select min(i.created_at) from conversation_messages i
                   where i.tenant_id = c.tenant_id and i.conversation_id = c.id
                     and i.direction = 'IN'
                     and i.created_at > coalesce(
                       (select max(o.created_at) from conversation_messages o
                         where o.tenant_id = c.tenant_id and o.conversation_id = c.id
                           and o.direction = 'OUT'), '-infinity'))
             end as waiting_since,
             (select l.body from conversation_messages l
               where l.tenant_id = c.tenant_id and l.conversation_id = c.id
               order by l.created_at desc limit 1) as last_body
        from conversations c left join users u on u.id = c.assigned_to
      """;

  /** The clinic's inbox: waiting (oldest first), then with a person, then the bot's last week. */
  @Transactional(readOnly = true)
  public List<Conversation> queue(ClinicId clinic, Instant now) {
    return jdbc.sql(
            "select * from ("
                + CONVERSATION
                + """
                 where c.clinic_id = :clinic
                   and (c.state in ('WAITING', 'PERSON') or c.updated_at > :since)) q
                order by case q.state when 'WAITING' then 0 when 'PERSON' then 1 else 2 end,
                         case when q.state = 'WAITING' then q.waiting_since end asc,
                         q.updated_at desc
                limit :most""")
        .param("clinic", clinic.value())
        .param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(7))))
        .param("most", MOST)
        .query((rs, n) -> conversation(rs))
        .list();
  }

  /** One of the clinic's conversations; empty for another clinic's (or organization's). */
  @Transactional(readOnly = true)
  public Optional<Conversation> find(ClinicId clinic, UUID id) {
    return jdbc.sql(CONVERSATION + " where c.clinic_id = :clinic and c.id = :id")
        .param("clinic", clinic.value())
        .param("id", id)
        .query((rs, n) -> conversation(rs))
        .optional();
  }

  /** The whole transcript, oldest first, one-time codes masked once more for display. */
  @Transactional(readOnly = true)
  public List<Line> transcript(UUID conversation) {
    return jdbc.sql(
            """
            select m.id, m.direction, m.author, m.author_id, m.body,
                   m.author = 'BOT' and m.payload is not null as rich,
                   case when m.author = 'SYSTEM' then m.payload ->> 'event' end as event,
                   case when m.author = 'SYSTEM' then m.payload ->> 'actor' end as actor,
                   m.created_at, coalesce(u.display_name, k.name) as name
              from conversation_messages m
              left join users u on u.id = m.author_id
              left join api_keys k on k.tenant_id = m.tenant_id and k.id = m.author_id
             where m.conversation_id = ?
             order by m.created_at, m.id""")
        .param(conversation)
        .query(
            (rs, n) ->
                new Line(
                    rs.getObject("id", UUID.class),
                    rs.getString("direction"),
                    Author.valueOf(rs.getString("author")),
                    rs.getObject("author_id", UUID.class),
                    rs.getString("name"),
                    OneTimeCodes.mask(rs.getString("body")),
                    rs.getBoolean("rich"),
                    rs.getString("event"),
                    rs.getString("actor"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** How many of the clinic's conversations wait for a person: the menu's count. */
  @Transactional(readOnly = true)
  public long waiting(ClinicId clinic) {
    return jdbc.sql("select count(*) from conversations where clinic_id = ? and state = 'WAITING'")
        .param(clinic.value())
        .query(Long.class)
        .single();
  }

  private static Conversation conversation(ResultSet rs) throws SQLException {
    var last = rs.getString("last_body");
    return new Conversation(
        rs.getObject("id", UUID.class),
        rs.getObject("clinic_id", UUID.class),
        rs.getString("channel"),
        rs.getString("phone"),
        rs.getObject("patient_id", UUID.class),
        rs.getString("locale"),
        ConversationState.valueOf(rs.getString("state")),
        rs.getObject("assigned_to", UUID.class),
        rs.getString("assigned_name"),
        instant(rs, "last_inbound_at"),
        instant(rs, "waiting_since"),
        java.util.Objects.requireNonNull(instant(rs, "updated_at")),
        last == null ? null : OneTimeCodes.mask(last));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    var at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
