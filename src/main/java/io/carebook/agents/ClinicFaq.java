package io.carebook.agents;

import io.carebook.shared.ProblemException;
import io.carebook.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active clinic's frequently asked questions, each in one of the languages Carebook speaks (en,
 * es, ar), in the order the clinic gave them. Agents read them ({@code clinic_info}); owners and
 * managers replace them as a whole (the caller checks SETTINGS_MANAGE).
 */
@Service
public class ClinicFaq {

  /** The most entries a clinic keeps, all languages together. */
  public static final int MOST = 60;

  public static final int LONGEST_QUESTION = 300;
  public static final int LONGEST_ANSWER = 2000;
  public static final Set<String> LANGUAGES = Set.of("en", "es", "ar");

  /** One question and its answer, in {@code language}. */
  public record Entry(String language, String question, String answer) {}

  private final JdbcClient jdbc;

  ClinicFaq(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every entry of the active clinic, by language and then the clinic's order. */
  @Transactional(readOnly = true)
  public List<Entry> all() {
    return jdbc.sql(
            "select language, question, answer from clinic_faq where clinic_id = ?"
                + " order by language, position")
        .param(TenantContext.clinic().value())
        .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * The entries in {@code language}; when the clinic wrote none in it, those in English, and
   * failing that every entry (an answer in another language beats none).
   */
  @Transactional(readOnly = true)
  public List<Entry> in(String language) {
    return in(all(), language);
  }

  /**
   * Of {@code all}, those an agent asking in {@code language} is told (see {@link #in(String)}).
   */
  public static List<Entry> in(List<Entry> all, String language) {
    for (var wanted : List.of(language, "en")) {
      var found = all.stream().filter(e -> e.language().equals(wanted)).toList();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return all;
  }

  /**
   * What the MCP tool {@code clinic_info} answers of the FAQ to an agent asking in {@code
   * language}: {@code faqLanguage} and {@code faq}, the entries as {@code [{question, answer}]}.
   * Also what the owners' FAQ page previews, so the page shows exactly what an agent reads.
   */
  public static Map<String, Object> asAgentsRead(List<Entry> all, String language) {
    var answer = new LinkedHashMap<String, Object>();
    answer.put("faqLanguage", language);
    answer.put("faq", in(all, language).stream().map(ClinicFaq::quoted).toList());
    return answer;
  }

  private static Map<String, Object> quoted(Entry entry) {
    var quoted = new LinkedHashMap<String, Object>();
    quoted.put("question", entry.question());
    quoted.put("answer", entry.answer());
    return quoted;
  }

  /**
   * Replaces the active clinic's FAQ with {@code entries}, in their order per language. 400 naming
   * each bad entry ({@code items[i].field}); nothing is written then.
   */
  @Transactional
  public List<Entry> replace(List<Entry> entries) {
    var cleaned = checked(entries);
    var clinic = TenantContext.clinic().value();
    jdbc.sql("delete from clinic_faq where clinic_id = ?").param(clinic).update();
    var positions = new java.util.HashMap<String, Integer>();
    for (var entry : cleaned) {
      var position = positions.merge(entry.language(), 1, Integer::sum) - 1;
      jdbc.sql(
              """
              insert into clinic_faq (tenant_id, id, clinic_id, language, position, question, answer)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(
              TenantContext.tenant().value(),
              UUID.randomUUID(),
              clinic,
              entry.language(),
              position,
              entry.question(),
              entry.answer())
          .update();
    }
    return all();
  }

  private static List<Entry> checked(List<Entry> entries) {
    var errors = new ArrayList<ProblemException.FieldError>();
    if (entries.size() > MOST) {
      errors.add(new ProblemException.FieldError("items", "at most " + MOST + " entries"));
    }
    var cleaned = new ArrayList<Entry>();
    for (var i = 0; i < entries.size(); i++) {
      var entry = entries.get(i);
      var field = "items[" + i + "].";
      var language = trimmed(entry.language()).toLowerCase(Locale.ROOT);
      var question = trimmed(entry.question());
      var answer = trimmed(entry.answer());
      if (!LANGUAGES.contains(language)) {
        errors.add(new ProblemException.FieldError(field + "language", "must be en, es or ar"));
      }
      if (question.isEmpty() || question.length() > LONGEST_QUESTION) {
        errors.add(
            new ProblemException.FieldError(
                field + "question", "must have 1 to " + LONGEST_QUESTION + " characters"));
      }
      if (answer.isEmpty() || answer.length() > LONGEST_ANSWER) {
        errors.add(
            new ProblemException.FieldError(
                field + "answer", "must have 1 to " + LONGEST_ANSWER + " characters"));
      }
      cleaned.add(new Entry(language, question, answer));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The FAQ has invalid entries.", errors);
    }
    return cleaned;
  }

  private static String trimmed(@org.jspecify.annotations.Nullable String text) {
    return text == null ? "" : text.strip();
  }
}
