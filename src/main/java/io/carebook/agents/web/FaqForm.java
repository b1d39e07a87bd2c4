package io.carebook.agents.web;

import io.carebook.agents.ClinicFaq;
import io.carebook.shared.ProblemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The FAQ page's form, one language's rows: read from the posted fields, moved or removed by the
 * row's buttons, merged into the clinic's whole FAQ and marked with what a refusal named.
 */
final class FaqForm {

  private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.(question|answer)");

  private FaqForm() {}

  /** A row as typed, and whether its question or answer was refused. */
  record Row(String question, String answer, boolean questionWrong, boolean answerWrong) {

    static final Row BLANK = new Row("", "", false, false);

    static Row of(ClinicFaq.Entry entry) {
      return new Row(entry.question(), entry.answer(), false, false);
    }

    boolean blank() {
      return question.isBlank() && answer.isBlank();
    }
  }

  /**
   * The posted rows: the n-th question with the n-th answer (read as the form's repeated fields,
   * not bound to a list, which would split a single answer at its commas).
   */
  static List<Row> rows(MultiValueMap<String, String> form) {
    var q = form.getOrDefault("question", List.of());
    var a = form.getOrDefault("answer", List.of());
    var rows = new ArrayList<Row>();
    for (var i = 0; i < Math.max(q.size(), a.size()); i++) {
      rows.add(new Row(i < q.size() ? q.get(i) : "", i < a.size() ? a.get(i) : "", false, false));
    }
    return rows;
  }

  /** The rows after {@code op}: {@code up:i}, {@code down:i} or {@code remove:i}; else as given. */
  static List<Row> applied(List<Row> rows, @Nullable String op) {
    if (op == null || !op.matches("(up|down|remove):\\d{1,3}")) {
      return rows;
    }
    var changed = new ArrayList<>(rows);
    var colon = op.indexOf(':');
    var index = Integer.parseInt(op.substring(colon + 1));
    if (index >= changed.size()) {
      return rows;
    }
    switch (op.substring(0, colon)) {
      case "up" -> {
        if (index > 0) {
          Collections.swap(changed, index, index - 1);
        }
      }
      case "down" -> {
        if (index + 1 < changed.size()) {
          Collections.swap(changed, index, index + 1);
        }
      }
      default -> changed.remove(index);
    }
    return changed;
  }

  /**
   * The clinic's whole FAQ with {@code language}'s entries replaced by {@code rows}, those first
   * (so that a refusal's {@code items[i]} is the i-th row).
   */
  static List<ClinicFaq.Entry> merged(
      List<ClinicFaq.Entry> saved, String language, List<Row> rows) {
    var all = new ArrayList<ClinicFaq.Entry>();
    rows.forEach(r -> all.add(new ClinicFaq.Entry(language, r.question(), r.answer())));
    saved.stream().filter(e -> !e.language().equals(language)).forEach(all::add);
    return all;
  }

  /** The rows, each marked where the refusal named its question or answer. */
  static List<Row> withErrors(List<Row> rows, ProblemException refused) {
    var marked = new ArrayList<>(rows);
    for (var error : refused.errors()) {
      var item = ITEM.matcher(error.field());
      if (!item.matches() || Integer.parseInt(item.group(1)) >= marked.size()) {
        continue;
      }
      var index = Integer.parseInt(item.group(1));
      var row = marked.get(index);
      marked.set(
          index,
          "question".equals(item.group(2))
              ? new Row(row.question(), row.answer(), true, row.answerWrong())
              : new Row(row.question(), row.answer(), row.questionWrong(), true));
    }
    return marked;
  }

  /** Whether the refusal was for too many entries in all. */
  static boolean tooMany(ProblemException refused) {
    return refused.errors().stream().anyMatch(e -> e.field().equals("items"));
  }
}
