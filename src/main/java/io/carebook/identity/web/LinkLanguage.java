package io.carebook.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A language given in the address ({@code ?lang=ar}, e.g. a link shared with a patient) shows that
 * page in that language without storing it: the next page opened without it is in the visitor's own
 * language again. The page's links, form actions and redirects carry the parameter on (so a patient
 * who opened an Arabic link stays in Arabic while booking), and its htmx requests take it from the
 * page's address ({@code HX-Current-URL}). Documents (paths ending in {@code /pdf} or a file name)
 * and static files are left alone: a PDF's language is its patient's, not the page's.
 */
@Component
// behind security, whose DisableEncodeUrlFilter would otherwise drop what encodeURL adds
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class LinkLanguage extends OncePerRequestFilter {

  static final String PARAMETER = "lang";
  private static final Pattern IN_QUERY = Pattern.compile("(?:^|[?&])lang=([A-Za-z]{2})(?:&|#|$)");

  /** The language this request was given in its address, or by its page for htmx; else null. */
  static @Nullable Locale of(HttpServletRequest request) {
    var given = supported(request.getParameter(PARAMETER));
    if (given != null) {
      return given;
    }
    var page = request.getHeader("HX-Current-URL");
    return page == null ? null : inQuery(page, request);
  }

  private static @Nullable Locale inQuery(String url, HttpServletRequest request) {
    try {
      var uri = URI.create(url);
      if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
        return null;
      }
      var query = uri.getRawQuery();
      if (query == null) {
        return null;
      }
      var matcher = IN_QUERY.matcher(query);
      return matcher.find() ? supported(matcher.group(1)) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static @Nullable Locale supported(@Nullable String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    var language = tag.strip().toLowerCase(Locale.ROOT);
    return LocaleConfiguration.SUPPORTED.stream()
        .filter(l -> l.getLanguage().equals(language))
        .findFirst()
        .orElse(null);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var language = of(request);
    chain.doFilter(
        request, language == null ? response : new Carried(response, language.getLanguage()));
  }

  /** Adds {@code lang=} to the page's own addresses that lack one. */
  static String carry(String url, String language) {
    if (url.isEmpty()
        || !url.startsWith("/")
        || url.startsWith("//")
        || url.startsWith("/\\")
        || IN_QUERY.matcher(query(url)).find()) {
      return url;
    }
    var hash = url.indexOf('#');
    var path = hash < 0 ? url : url.substring(0, hash);
    var fragment = hash < 0 ? "" : url.substring(hash);
    var bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    var last = bare.substring(bare.lastIndexOf('/') + 1);
    if (bare.endsWith("/pdf") || last.contains(".") || bare.startsWith("/language/")) {
      return url;
    }
    return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + language + fragment;
  }

  private static String query(String url) {
    var q = url.indexOf('?');
    return q < 0 ? "" : url.substring(q);
  }

  private static final class Carried extends HttpServletResponseWrapper {
    private final String language;

    Carried(HttpServletResponse response, String language) {
      super(response);
      this.language = language;
    }

    @Override
    public String encodeURL(String url) {
      return super.encodeURL(carry(url, language));
    }

    @Override
    public String encodeRedirectURL(String url) {
      return super.encodeRedirectURL(carry(url, language));
    }
  }
}
