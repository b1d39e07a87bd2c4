package io.carebook.clinical.web;

import io.carebook.clinical.Note;
import io.carebook.patients.SafetyWarning;
import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the clinical pages' forms share: refusals shown on the page, typed values parsed. */
final class PageForms {

  private PageForms() {}

  static String attempt(
      String visitId, RedirectAttributes redirect, String section, Runnable work) {
    try {
      work.run();
    } catch (ProblemException e) {
      problem(redirect, section, e);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
      redirect.addFlashAttribute("problemSection", section);
    }
    return back(visitId);
  }

  static void problem(RedirectAttributes redirect, String section, ProblemException e) {
    redirect.addFlashAttribute("problem", e.kind());
    redirect.addFlashAttribute("problemSection", section);
    redirect.addFlashAttribute("problemFields", fields(e));
  }

  /** Field errors as the page shows them: field → message (serializable, for the session). */
  static LinkedHashMap<String, String> fields(ProblemException e) {
    var fields = new LinkedHashMap<String, String>();
    e.errors().forEach(f -> fields.putIfAbsent(f.field(), f.message()));
    return fields;
  }

  /** The safety warnings as the page shows them (serializable, for the session). */
  static ArrayList<HashMap<String, String>> warnings(ProblemException e) {
    var shown = new ArrayList<HashMap<String, String>>();
    if (e.properties().get("warnings") instanceof List<?> warnings) {
      for (var w : warnings) {
        if (w instanceof SafetyWarning warning) {
          var one = new HashMap<String, String>();
          one.put("kind", warning.kind().name());
          one.put("recorded", warning.recorded());
          one.put("severity", warning.severity() == null ? "" : warning.severity().name());
          shown.add(one);
        }
      }
    }
    return shown;
  }

  static String back(String visitId) {
    return "redirect:/visits/" + Ids.parse(visitId, "Visit") + "/encounter";
  }

  static Note.Draft draft(Map<String, String> form) {
    return new Note.Draft(
        form.get("subjective"),
        form.get("objective"),
        form.get("assessment"),
        form.get("diagnosis"),
        form.get("icd10"),
        form.get("plan"));
  }

  static @Nullable Integer integer(Map<String, String> form, String field) {
    var value = form.getOrDefault(field, "").strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "must be a whole number");
    }
  }

  static @Nullable BigDecimal decimal(Map<String, String> form, String field) {
    var value = form.getOrDefault(field, "").strip().replace(',', '.');
    if (value.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(field, "must be a number");
    }
  }
}
