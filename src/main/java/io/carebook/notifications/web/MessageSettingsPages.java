package io.carebook.notifications.web;

import io.carebook.notifications.ChannelSettings;
import io.carebook.notifications.MessageKind;
import io.carebook.notifications.MessageTemplates;
import io.carebook.notifications.NotificationSettings;
import io.carebook.notifications.Recipients;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's messaging settings page: when reminders go out, quiet hours, channels and their
 * credentials, and the wording of every message in each language with a live preview.
 */
@Controller
class MessageSettingsPages {

  private final NotificationSettings settings;
  private final MessageTemplates templates;
  private final MessageTemplatesApi examples;
  private final Permissions permissions;

  MessageSettingsPages(
      NotificationSettings settings,
      MessageTemplates templates,
      MessageTemplatesApi examples,
      Permissions permissions) {
    this.settings = settings;
    this.templates = templates;
    this.examples = examples;
    this.permissions = permissions;
  }

  @GetMapping("/settings/messages")
  String page(@RequestParam(defaultValue = "en") String locale, Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    var language = Recipients.LANGUAGES.contains(locale) ? locale : "en";
    var current = settings.of(TenantContext.clinic());
    model.addAttribute("settings", current);
    model.addAttribute(
        "reminderHours",
        String.join(
            ", ", current.reminderMinutes().stream().map(MessageSettingsPages::hours).toList()));
    model.addAttribute("channelOrder", String.join(", ", current.channels()));
    model.addAttribute("language", language);
    model.addAttribute("languages", Recipients.LANGUAGES);
    model.addAttribute(
        "templates",
        MessageKind.WORDED.stream()
            .map(kind -> templates.of(TenantContext.clinic(), kind, language))
            .toList());
    model.addAttribute("variables", MessageTemplates.VARIABLES);
    return "notifications/settings";
  }

  @PostMapping("/settings/messages")
  String save(
      @RequestParam(defaultValue = "") String reminderHours,
      @RequestParam(defaultValue = "") String quietFrom,
      @RequestParam(defaultValue = "") String quietUntil,
      @RequestParam(defaultValue = "") String channels,
      @RequestParam(defaultValue = "") String smsAccountSid,
      @RequestParam(defaultValue = "") String smsFrom,
      @RequestParam(defaultValue = "") String smsAuthToken,
      @RequestParam(defaultValue = "") String whatsappPhoneNumberId,
      @RequestParam(defaultValue = "") String whatsappAccessToken,
      @RequestParam(defaultValue = "") String whatsappAppSecret,
      @RequestParam(defaultValue = "") String whatsappVerifyToken,
      @RequestParam int version,
      RedirectAttributes redirect) {
    permissions.require(Action.SETTINGS_MANAGE);
    var changed =
        new ChannelSettings(
            minutes(reminderHours),
            time(quietFrom),
            time(quietUntil),
            Arrays.stream(channels.toUpperCase(java.util.Locale.ROOT).split("[,\\s]+"))
                .filter(c -> !c.isBlank())
                .toList(),
            blank(smsAccountSid),
            blank(smsFrom),
            blank(smsAuthToken),
            blank(whatsappPhoneNumberId),
            blank(whatsappAccessToken),
            blank(whatsappAppSecret),
            blank(whatsappVerifyToken),
            0);
    settings.save(TenantContext.clinic(), changed, version);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/settings/messages";
  }

  @PostMapping("/settings/messages/templates/{kind}/{locale}")
  String saveTemplate(
      @PathVariable String kind,
      @PathVariable String locale,
      @RequestParam String subject,
      @RequestParam String body,
      @RequestParam(defaultValue = "false") boolean reset,
      RedirectAttributes redirect) {
    permissions.require(Action.SETTINGS_MANAGE);
    if (reset) {
      templates.reset(TenantContext.clinic(), MessageKind.worded(kind), locale);
    } else {
      templates.save(TenantContext.clinic(), MessageKind.worded(kind), locale, subject, body);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/settings/messages?locale=" + locale + "#" + kind;
  }

  /** The preview fragment: the wording as typed, filled in with example values. */
  @PostMapping("/settings/messages/templates/{kind}/{locale}/preview")
  String preview(
      @PathVariable String kind,
      @PathVariable String locale,
      @RequestParam String subject,
      @RequestParam String body,
      Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    try {
      var worded = MessageKind.worded(kind);
      MessageTemplates.check(worded, locale, subject, body);
      model.addAttribute(
          "preview",
          new MessageTemplates.Template(worded, locale, subject, body, true)
              .render(examples.example(locale)));
    } catch (ProblemException e) {
      model.addAttribute(
          "problem", e.errors().isEmpty() ? e.getMessage() : e.errors().getFirst().message());
    }
    return "notifications/settings :: preview";
  }

  private static String hours(int minutes) {
    return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.valueOf(minutes / 60.0);
  }

  private static List<Integer> minutes(String hours) {
    try {
      return Arrays.stream(hours.split("[,\\s]+"))
          .filter(h -> !h.isBlank())
          .map(h -> (int) Math.round(Double.parseDouble(h) * 60))
          .toList();
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("reminderHours", "hours before, separated by commas");
    }
  }

  private static @Nullable LocalTime time(String value) {
    return value.isBlank() ? null : LocalTime.parse(value);
  }

  private static @Nullable String blank(String value) {
    return value.isBlank() ? null : value.strip();
  }
}
