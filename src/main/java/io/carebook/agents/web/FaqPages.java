package io.carebook.agents.web;

import io.carebook.agents.ClinicFaq;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's FAQ for owners and managers ({@link Action#SETTINGS_MANAGE}, as {@code PUT
 * /api/v1/faq}): one language's questions and answers at a time, in order, with a blank row to add
 * one, buttons that move or remove an entry, and a live preview of what the MCP tool {@code
 * clinic_info} answers an agent asking in that language (rendered by {@link
 * ClinicFaq#asAgentsRead}, the tool's own code, from the rows as typed).
 */
@Controller
class FaqPages {

  private final ClinicFaq faq;
  private final Permissions permissions;
  private final Organizations organizations;
  private final JsonMapper json;

  FaqPages(ClinicFaq faq, Permissions permissions, Organizations organizations, JsonMapper json) {
    this.faq = faq;
    this.permissions = permissions;
    this.organizations = organizations;
    this.json = json;
  }

  @GetMapping("/settings/faq")
  String page(@RequestParam(required = false) @Nullable String language, Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    var shown = language(language);
    var all = faq.all();
    var rows = all.stream().filter(e -> e.language().equals(shown)).map(FaqForm.Row::of).toList();
    return show(model, shown, all, rows, false);
  }

  /** The preview of the rows as typed, not saved (htmx, as the owner types). */
  @PostMapping("/settings/faq/preview")
  String preview(
      @RequestParam(required = false) @Nullable String language,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    var shown = language(language);
    var typed = FaqForm.rows(form).stream().filter(r -> !r.blank()).toList();
    preview(model, shown, FaqForm.merged(faq.all(), shown, typed));
    return "agents/faq :: preview";
  }

  /**
   * Saves this language's rows (blank rows dropped), after moving or removing one when {@code op}
   * says so ({@code up:2}, {@code down:0}, {@code remove:1}); the other languages stay as they are.
   * Refused rows are shown again as typed, each naming what is wrong.
   */
  @PostMapping("/settings/faq")
  String save(
      @RequestParam(required = false) @Nullable String language,
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(required = false) @Nullable String op,
      Model model,
      RedirectAttributes redirect) {
    permissions.require(Action.SETTINGS_MANAGE);
    var shown = language(language);
    var rows = FaqForm.applied(FaqForm.rows(form), op);
    var kept = rows.stream().filter(r -> !r.blank()).toList();
    var all = faq.all();
    try {
      faq.replace(FaqForm.merged(all, shown, kept));
    } catch (ProblemException refused) {
      model.addAttribute("tooMany", FaqForm.tooMany(refused));
      return show(model, shown, all, FaqForm.withErrors(kept, refused), true);
    }
    redirect.addFlashAttribute("saved", true);
    redirect.addAttribute("language", shown);
    return "redirect:/settings/faq";
  }

  private String show(
      Model model,
      String shown,
      List<ClinicFaq.Entry> saved,
      List<FaqForm.Row> rows,
      boolean refused) {
    var counts = new HashMap<String, Long>();
    for (var l : ClinicFaq.LANGUAGES) {
      counts.put(l, saved.stream().filter(e -> e.language().equals(l)).count());
    }
    var withBlank = new ArrayList<>(rows);
    if (withBlank.size() < ClinicFaq.MOST) {
      withBlank.add(FaqForm.Row.BLANK);
    }
    model.addAttribute("language", shown);
    model.addAttribute("languages", List.of("en", "es", "ar"));
    model.addAttribute("counts", counts);
    model.addAttribute("rows", withBlank);
    model.addAttribute("filled", rows.size());
    model.addAttribute("refused", refused);
    model.addAttribute("clinicName", organizations.activeClinic().name());
    model.addAttribute("longestQuestion", ClinicFaq.LONGEST_QUESTION);
    model.addAttribute("longestAnswer", ClinicFaq.LONGEST_ANSWER);
    var typed = rows.stream().filter(r -> !r.blank()).toList();
    preview(model, shown, FaqForm.merged(saved, shown, typed));
    return "agents/faq";
  }

  /** What clinic_info answers in {@code language} from {@code all}: as entries, and as JSON. */
  private void preview(Model model, String language, List<ClinicFaq.Entry> all) {
    var answer = ClinicFaq.asAgentsRead(all, language);
    var quoted = ClinicFaq.in(all, language);
    model.addAttribute("language", language);
    model.addAttribute("quoted", quoted);
    model.addAttribute(
        "quotedLanguage", quoted.isEmpty() ? language : quoted.getFirst().language());
    model.addAttribute(
        "preview", json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer));
  }

  private static String language(@Nullable String asked) {
    if (asked != null && ClinicFaq.LANGUAGES.contains(asked)) {
      return asked;
    }
    var page = LocaleContextHolder.getLocale().getLanguage();
    return ClinicFaq.LANGUAGES.contains(page) ? page : "en";
  }
}
