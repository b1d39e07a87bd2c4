package io.carebook.identity.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language: English, Spanish or Arabic, from {@code ?lang=}, then a cookie, then the
 * browser's Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("carebook-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          var preferred =
              Locale.lookup(Locale.LanguageRange.parse(acceptLanguage(request)), SUPPORTED);
          return preferred == null ? Locale.ENGLISH : preferred;
        });
    return resolver;
  }

  private static String acceptLanguage(jakarta.servlet.http.HttpServletRequest request) {
    var header = request.getHeader("Accept-Language");
    return header == null || header.isBlank() ? "en" : header;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
