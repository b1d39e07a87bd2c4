package io.carebook.conversations.web;

import io.carebook.conversations.BotWording;
import io.carebook.conversations.ConversationSettings;
import io.carebook.conversations.ConversationSettingsReader;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's conversation settings, for owners and managers ({@link Action#SETTINGS_MANAGE}):
 * whether the bot answers, and the clinic's own wording of the bot's messages in one language at a
 * time (the main ones first, the rest folded), each with a preview rendered by {@link BotWording}
 * as the patient would read it; an empty text keeps the built-in wording.
 */
@Controller
class ConversationSettingsPages {

  /** The bot's main messages: greeting, menu, "a person will answer", and the closing one. */
  static final List<String> MAIN = List.of("greeting", "menu", "person", "booked");

  private final ConversationSettingsReader settings;
  private final BotWording wording;
  private final Organizations organizations;
  private final Permissions permissions;

  ConversationSettingsPages(
      ConversationSettingsReader settings,
      BotWording wording,
      Organizations organizations,
      Permissions permissions) {
    this.settings = settings;
    this.wording = wording;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  /** One message of the bot: the clinic's text (if any), and what the patient reads. */
  record Message(String key, boolean main, @Nullable String own, String preview) {}

  @GetMapping("/settings/conversations")
  String page(@RequestParam(required = false) @Nullable String language, Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    var current = settings.of(TenantContext.clinic());
    var shown = language(language);
    model.addAttribute("enabled", current.enabled());
    model.addAttribute("language", shown);
    model.addAttribute("languages", List.of("en", "es", "ar"));
    model.addAttribute("messages", messages(current, shown));
    return "conversations/inbox-settings";
  }

  /** The previews of the texts typed but not saved (htmx). */
  @PostMapping("/settings/conversations/preview")
  String preview(@RequestParam Map<String, String> form, Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    var shown = language(form.get("language"));
    var typed = merged(settings.of(TenantContext.clinic()), shown, form);
    model.addAttribute("language", shown);
    model.addAttribute(
        "messages", messages(new ConversationSettings(TenantContext.clinic(), true, typed), shown));
    return "conversations/inbox-settings :: previews";
  }

  @PostMapping("/settings/conversations")
  String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    permissions.require(Action.SETTINGS_MANAGE);
    var shown = language(form.get("language"));
    var clinic = TenantContext.clinic();
    try {
      settings.save(clinic, form.containsKey("enabled"), merged(settings.of(clinic), shown, form));
      redirect.addFlashAttribute("saved", true);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    redirect.addAttribute("language", shown);
    return "redirect:/settings/conversations";
  }

  /** The saved wording with this language's texts replaced by the form's ({@code text.<key>}). */
  private static Map<String, Map<String, String>> merged(
      ConversationSettings saved, String language, Map<String, String> form) {
    var all = new HashMap<String, Map<String, String>>();
    saved.wording().forEach((lang, texts) -> all.put(lang, new LinkedHashMap<>(texts)));
    var texts = new LinkedHashMap<String, String>();
    form.forEach(
        (name, text) -> {
          if (name.startsWith("text.")) {
            texts.put(name.substring("text.".length()), text);
          }
        });
    all.put(language, texts);
    return all;
  }

  private List<Message> messages(ConversationSettings current, String language) {
    var locale = Locale.forLanguageTag(language);
    var clinic = organizations.activeClinic().name();
    var main =
        BotWording.KEYS.stream()
            .filter(MAIN::contains)
            .map(k -> message(k, true, current, locale, clinic));
    var rest =
        BotWording.KEYS.stream()
            .filter(k -> !MAIN.contains(k))
            .map(k -> message(k, false, current, locale, clinic));
    return java.util.stream.Stream.concat(main, rest).toList();
  }

  private Message message(
      String key, boolean main, ConversationSettings current, Locale locale, String clinic) {
    String preview;
    try {
      preview =
          wording.text(key, locale, current, PreviewSamples.of(key, locale.getLanguage(), clinic));
    } catch (RuntimeException e) {
      preview =
          current.override(locale.getLanguage(), key) == null
              ? ""
              : current.override(locale.getLanguage(), key);
    }
    return new Message(key, main, current.override(locale.getLanguage(), key), preview);
  }

  private static String language(@Nullable String asked) {
    if (asked != null && ConversationSettingsReader.LANGUAGES.contains(asked)) {
      return asked;
    }
    var page = LocaleContextHolder.getLocale().getLanguage();
    return ConversationSettingsReader.LANGUAGES.contains(page) ? page : "en";
  }
}
