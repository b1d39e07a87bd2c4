package io.carebook.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page language: English, Spanish or Arabic. A {@code ?lang=} in the address (a shared link, a
 * printed copy) shows that page in that language and is kept by the page's own links, forms and
 * htmx requests ({@link LinkLanguage}), but is never stored; the language menu ({@link
 * LanguageMenu}) stores the choice in a cookie; without either, the browser's Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

  static final List<Locale> SUPPORTED =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

  static final String COOKIE = "carebook-lang";

  @Bean
  LocaleResolver localeResolver() {
    var resolver =
        new CookieLocaleResolver(COOKIE) {
          @Override
          public Locale resolveLocale(HttpServletRequest request) {
            var linked = LinkLanguage.of(request);
            return linked != null ? linked : super.resolveLocale(request);
          }

          /** What LocaleContextHolder gives the controllers: the same language as the view's. */
          @Override
          public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            var stored = super.resolveLocaleContext(request);
            var linked = LinkLanguage.of(request);
            if (linked == null) {
              return stored;
            }
            return new SimpleTimeZoneAwareLocaleContext(
                linked,
                stored instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null);
          }
        };
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          var preferred =
              Locale.lookup(Locale.LanguageRange.parse(acceptLanguage(request)), SUPPORTED);
          return preferred == null ? Locale.ENGLISH : preferred;
        });
    return resolver;
  }

  private static String acceptLanguage(HttpServletRequest request) {
    var header = request.getHeader("Accept-Language");
    return header == null || header.isBlank() ? "en" : header;
  }
}
