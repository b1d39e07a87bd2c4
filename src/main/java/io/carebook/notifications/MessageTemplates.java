package io.carebook.notifications;

import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wording of patient messages: a clinic's own per kind and language, else the built-in one.
 * Variables are written in braces ({@code {firstName}}); an unknown one is refused when saved, so a
 * patient never receives a raw placeholder.
 */
@Component
public class MessageTemplates {

  /**
   * {calendar}: the appointment's add-to-calendar file, for a patient who booked online (empty
   * otherwise).
   */
  public static final List<String> VARIABLES =
      List.of("firstName", "clinic", "doctor", "when", "link", "calendar");

  /**
   * The built-in wording of a booking made online by the patient, whose {link} is their private
   * link to move or cancel.
   */
  static final String ONLINE = "online";

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

  /** A message's subject and body, in one language. */
  public record Template(
      MessageKind kind,
      String locale,
      String subject,
      String body,
      boolean custom,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "the clinic's wording's version, its ETag to send back as If-Match (0: the"
                      + " built-in wording)",
              example = "1")
          int version) {

    /** A wording that is no stored version of the clinic's (built-in, previewed). */
    public Template(MessageKind kind, String locale, String subject, String body, boolean custom) {
      this(kind, locale, subject, body, custom, 0);
    }

    public Template render(Map<String, String> variables) {
      return new Template(
          kind, locale, fill(subject, variables), fill(body, variables), custom, version);
    }
  }

  private final JdbcClient jdbc;
  private final MessageSource messages;

  MessageTemplates(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  /** The wording a clinic uses for a kind in a language. */
  @Transactional(readOnly = true)
  public Template of(ClinicId clinic, MessageKind kind, String locale) {
    return of(clinic, kind, "", locale);
  }

  /** The same, with a {@code variant} of the built-in wording ("" the plain one). */
  @Transactional(readOnly = true)
  Template of(ClinicId clinic, MessageKind kind, String variant, String locale) {
    return custom(clinic, kind, locale).orElseGet(() -> builtIn(kind, variant, locale));
  }

  /** The wording of each kind and language, for one clinic. */
  interface Wording {
    /** The clinic's own wording, else the built-in {@code variant} ("" the plain one). */
    Template of(MessageKind kind, String variant, String locale);
  }

  /**
   * A clinic's wording, its own templates read in one statement: for messages written in batches.
   */
  Wording wording(ClinicId clinic) {
    var own = new java.util.HashMap<String, Template>();
    jdbc.sql("select kind, locale, subject, body from message_templates where clinic_id = ?")
        .param(clinic.value())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  var kind = MessageKind.valueOf(rs.getString(1));
                  own.put(
                      kind + "/" + rs.getString(2),
                      new Template(kind, rs.getString(2), rs.getString(3), rs.getString(4), true));
                });
    return (kind, variant, locale) ->
        own.containsKey(kind + "/" + locale)
            ? own.get(kind + "/" + locale)
            : builtIn(kind, variant, locale);
  }

  /** The built-in wording, its variables by name. */
  Template builtIn(MessageKind kind, String locale) {
    return builtIn(kind, "", locale);
  }

  private Template builtIn(MessageKind kind, String variant, String locale) {
    var names = VARIABLES.stream().map(v -> "{" + v + "}").toArray();
    var where = Locale.forLanguageTag(locale);
    var body = "notifications.kind." + kind + (variant.isEmpty() ? "" : "." + variant) + ".body";
    return new Template(
        kind,
        locale,
        messages.getMessage("notifications.kind." + kind + ".subject", names, where),
        messages.getMessage(body, names, where),
        false);
  }

  @Transactional
  public void save(ClinicId clinic, MessageKind kind, String locale, String subject, String body) {
    save(clinic, kind, locale, subject, body, null);
  }

  /**
   * Saves the clinic's wording if it is still at version {@code expected} (0: the built-in one; 412
   * otherwise; null expects none), checked under the row's lock.
   */
  @Transactional
  public void save(
      ClinicId clinic,
      MessageKind kind,
      String locale,
      String subject,
      String body,
      @Nullable Integer expected) {
    check(kind, locale, subject, body);
    if (expected != null) {
      io.carebook.shared.web.ETags.expect(
          expected,
          jdbc.sql(
                  "select version from message_templates where clinic_id = ? and kind = ?"
                      + " and locale = ? for update")
              .params(clinic.value(), kind.name(), locale)
              .query(Integer.class)
              .optional()
              .orElse(0));
    }
    jdbc.sql(
            """
            insert into message_templates (tenant_id, clinic_id, kind, locale, subject, body)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, clinic_id, kind, locale) do update
              set subject = excluded.subject, body = excluded.body, updated_at = now()""")
        .params(
            TenantContext.tenant().value(),
            clinic.value(),
            kind.name(),
            locale,
            subject.strip(),
            body.strip())
        .update();
  }

  @Transactional
  public void reset(ClinicId clinic, MessageKind kind, String locale) {
    jdbc.sql("delete from message_templates where clinic_id = ? and kind = ? and locale = ?")
        .params(clinic.value(), kind.name(), locale)
        .update();
  }

  public static void check(MessageKind kind, String locale, String subject, String body) {
    if (!MessageKind.WORDED.contains(kind)) {
      throw ProblemException.invalid("kind", "must be one of " + MessageKind.WORDED);
    }
    if (!Recipients.LANGUAGES.contains(locale)) {
      throw ProblemException.invalid("locale", "must be en, es or ar");
    }
    if (body.isBlank() || body.length() > 1000) {
      throw ProblemException.invalid("body", "must have 1 to 1000 characters");
    }
    for (var text : List.of(subject, body)) {
      var m = VARIABLE.matcher(text);
      while (m.find()) {
        if (!VARIABLES.contains(m.group(1))) {
          throw ProblemException.invalid(
              text == body ? "body" : "subject",
              "{" + m.group(1) + "} is not a variable; use " + VARIABLES);
        }
      }
    }
  }

  private Optional<Template> custom(ClinicId clinic, MessageKind kind, String locale) {
    return jdbc.sql(
            "select subject, body, version from message_templates"
                + " where clinic_id = ? and kind = ? and locale = ?")
        .params(clinic.value(), kind.name(), locale)
        .query(
            (rs, n) ->
                new Template(kind, locale, rs.getString(1), rs.getString(2), true, rs.getInt(3)))
        .optional();
  }

  static String fill(String text, Map<String, String> variables) {
    return VARIABLE
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(variables.getOrDefault(m.group(1), m.group())));
  }
}
