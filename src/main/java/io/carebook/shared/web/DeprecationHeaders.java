package io.carebook.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriTemplate;

/**
 * Writes {@code Deprecation}, {@code Sunset} and a successor {@code Link} on every answer of an
 * operation marked {@link ApiDeprecated}, before the handler runs, so errors carry them too.
 */
final class DeprecationHeaders implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      var deprecated = method.getMethodAnnotation(ApiDeprecated.class);
      if (deprecated != null) {
        write(deprecated, request, response);
      }
    }
    return true;
  }

  static void write(
      ApiDeprecated deprecated, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Deprecation", deprecation(deprecated.since()));
    response.setHeader("Sunset", sunset(deprecated.sunset()));
    @SuppressWarnings("unchecked")
    var variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    var link = successorLink(deprecated.successor(), variables == null ? Map.of() : variables);
    if (link != null) {
      response.addHeader("Link", link);
    }
  }

  /** RFC 9745: the moment as {@code @} and epoch seconds. */
  static String deprecation(String since) {
    return "@" + LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  /** RFC 8594: an HTTP date (RFC 9110's IMF-fixdate). */
  static String sunset(String sunset) {
    return HTTP_DATE.format(LocalDate.parse(sunset).atStartOfDay(ZoneOffset.UTC));
  }

  /** The successor's address, its path variables filled from this request's. */
  private static @Nullable String successorLink(String successor, Map<String, String> variables) {
    if (successor.isBlank()) {
      return null;
    }
    var path = successor.substring(successor.indexOf(' ') + 1).strip();
    try {
      return "<" + new UriTemplate(path).expand(variables) + ">; rel=\"successor-version\"";
    } catch (IllegalArgumentException notAllVariables) {
      return "<" + path + ">; rel=\"successor-version\"";
    }
  }
}
