package io.carebook.identity.web;

import io.carebook.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language menu: the one place a language choice is kept (a cookie for a year), then back to
 * the page it was chosen on, in that language. A {@code ?lang=} anywhere else lasts one page.
 */
@Controller
class LanguageMenu {

  static final String PATH = "/language/";

  private final LocaleResolver locales;

  LanguageMenu(LocaleResolver locales) {
    this.locales = locales;
  }

  @GetMapping(PATH + "{language}")
  String choose(
      @PathVariable String language,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    var locale = LinkLanguage.supported(language);
    if (locale == null) {
      throw ProblemException.invalid("language", "must be en, es or ar");
    }
    locales.setLocale(request, response, locale);
    return "redirect:" + here(back);
  }

  /** The page to return to: one of ours (a path, never another site), without its own lang=. */
  static String here(@Nullable String back) {
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.startsWith("/\\")
        || back.startsWith(PATH)
        || back.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    var withoutLang = back.replaceAll("([?&])lang=[^&#]*&?", "$1").replaceAll("[?&]+(#|$)", "$1");
    return withoutLang.isEmpty() ? "/" : withoutLang;
  }
}
