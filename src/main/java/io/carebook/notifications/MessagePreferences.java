package io.carebook.notifications;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Patients' messaging preferences in the current organization: language and opt-out. */
@Component
public class MessagePreferences {

  /** A patient's preferences; no row means the clinic's language and messages welcome. */
  public record Preference(@Nullable String language, boolean optedOut) {}

  private final JdbcClient jdbc;

  MessagePreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Preference of(UUID patient) {
    return jdbc.sql("select language, opted_out from message_preferences where patient_id = ?")
        .param(patient)
        .query((rs, n) -> new Preference(rs.getString(1), rs.getBoolean(2)))
        .optional()
        .orElse(new Preference(null, false));
  }

  /** The preferences of each of {@code patients}, in one query. */
  @Transactional(readOnly = true)
  public java.util.Map<UUID, Preference> of(java.util.Collection<UUID> patients) {
    var found = new java.util.HashMap<UUID, Preference>();
    if (!patients.isEmpty()) {
      jdbc.sql(
              "select patient_id, language, opted_out from message_preferences"
                  + " where patient_id = any(?)")
          .param(patients.toArray(UUID[]::new))
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs ->
                      found.put(
                          rs.getObject(1, UUID.class),
                          new Preference(rs.getString(2), rs.getBoolean(3))));
    }
    patients.forEach(p -> found.putIfAbsent(p, new Preference(null, false)));
    return found;
  }

  /** The version of a patient's preferences (their ETag on /api/v1): 0 while none are saved. */
  @Transactional(readOnly = true)
  public int version(UUID patient) {
    return jdbc.sql("select version from message_preferences where patient_id = ?")
        .param(patient)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Saves a patient's preferences if they are still at version {@code expected} (412 otherwise;
   * null expects none), checked under the row's lock.
   */
  @Transactional
  public void save(UUID patient, Preference preference, @Nullable Integer expected) {
    if (expected != null) {
      io.carebook.shared.web.ETags.expect(
          expected,
          jdbc.sql("select version from message_preferences where patient_id = ? for update")
              .param(patient)
              .query(Integer.class)
              .optional()
              .orElse(0));
    }
    save(patient, preference);
  }

  boolean optedOut(UUID patient) {
    return of(patient).optedOut();
  }

  @Transactional
  public void save(UUID patient, Preference preference) {
    jdbc.sql(
            """
            insert into message_preferences (tenant_id, patient_id, language, opted_out)
            values (nullif(current_setting('app.tenant_id', true), '')::uuid, ?, ?, ?)
            on conflict (tenant_id, patient_id) do update set language = excluded.language,
              opted_out = excluded.opted_out, updated_at = now()""")
        .params(patient, preference.language(), preference.optedOut())
        .update();
  }

  @Transactional
  void optOut(UUID patient, boolean optedOut) {
    save(patient, new Preference(of(patient).language(), optedOut));
  }
}
