package io.carebook.conversations;

import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads (and saves) a clinic's conversation settings in the current organization: whether the bot
 * answers, and the clinic's wording of its messages per language.
 */
@Component
public class ConversationSettingsReader {

  /** The languages the bot speaks. */
  public static final Set<String> LANGUAGES = Set.of("en", "es", "ar");

  private static final int MAX_TEXT = 1000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  ConversationSettingsReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public ConversationSettings of(ClinicId clinic) {
    return jdbc.sql("select enabled, wording::text from conversation_settings where clinic_id = ?")
        .param(clinic.value())
        .query(
            (rs, n) -> new ConversationSettings(clinic, rs.getBoolean(1), wording(rs.getString(2))))
        .optional()
        .orElse(ConversationSettings.defaults(clinic));
  }

  /**
   * Saves a clinic's settings: each wording a language the bot speaks, a key of {@link
   * BotWording#KEYS} and a text of at most 1000 characters; blank texts are dropped (the built-in
   * wording applies).
   */
  @Transactional
  public ConversationSettings save(
      ClinicId clinic, boolean enabled, Map<String, Map<String, String>> wording) {
    var kept = new LinkedHashMap<String, Map<String, String>>();
    wording.forEach(
        (language, texts) -> {
          if (!LANGUAGES.contains(language)) {
            throw ProblemException.invalid("wording", "languages are en, es and ar");
          }
          var own = new LinkedHashMap<String, String>();
          texts.forEach(
              (key, text) -> {
                if (!BotWording.KEYS.contains(key)) {
                  throw ProblemException.invalid("wording." + language, "unknown key " + key);
                }
                if (text != null && text.length() > MAX_TEXT) {
                  throw ProblemException.invalid(
                      "wording." + language + "." + key, "at most " + MAX_TEXT + " characters");
                }
                if (text != null && !text.isBlank()) {
                  own.put(key, text.strip());
                }
              });
          kept.put(language, own);
        });
    jdbc.sql(
            """
            insert into conversation_settings (tenant_id, clinic_id, enabled, wording)
            values (?, ?, ?, ?::jsonb)
            on conflict (tenant_id, clinic_id) do update set enabled = excluded.enabled,
              wording = excluded.wording, updated_at = now()""")
        .params(
            TenantContext.tenant().value(), clinic.value(), enabled, JSON.writeValueAsString(kept))
        .update();
    return of(clinic);
  }

  private static Map<String, Map<String, String>> wording(String json) {
    return JSON.readValue(json, new TypeReference<Map<String, Map<String, String>>>() {});
  }
}
