package io.carebook;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A signed-in browser session without a browser: cookies, CSRF token, form posts. An account with
 * two-step sign-in gives its code on {@code /signin/code} after the password.
 */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  private WebSession(String base) {
    this(
        base,
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());
  }

  private WebSession(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** A browser that has not signed in yet. */
  public static WebSession anonymous(int port) {
    return new WebSession("http://localhost:" + port);
  }

  public static WebSession signIn(int port, String email, String password) {
    var session = new WebSession("http://localhost:" + port);
    session.post("/signin", "/signin", "email=" + encode(email) + "&password=" + encode(password));
    return session;
  }

  /** Signs in with password, then the code the code page asks for. */
  public static WebSession signIn(int port, String email, String password, String code) {
    var session = signIn(port, email, password);
    var codePage = session.post("/signin/code", "/signin/code", "code=" + encode(code));
    if (codePage.uri().getPath().startsWith("/signin")) {
      throw new IllegalStateException("the code was refused: " + codePage.uri());
    }
    return session;
  }

  /** Posts a form from the page {@code formPage}, with that page's CSRF token. */
  public HttpResponse<String> post(String formPage, String action, String form) {
    var matcher = CSRF.matcher(get(formPage).body());
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on " + formPage);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(matcher.group(1)))));
  }

  /** Posts a file as a multipart form from the page {@code formPage}, with its CSRF token. */
  public HttpResponse<String> postFile(
      String formPage, String action, String field, String fileName, String content) {
    var matcher = CSRF.matcher(get(formPage).body());
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on " + formPage);
    }
    var boundary = "carebook" + System.nanoTime();
    var body =
        "--%1$s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%2$s\r\n"
                .formatted(boundary, matcher.group(1))
            + "--%1$s\r\nContent-Disposition: form-data; name=\"%2$s\"; filename=\"%3$s\"\r\n"
                .formatted(boundary, field, fileName)
            + "Content-Type: application/json\r\n\r\n"
            + content
            + "\r\n--%s--\r\n".formatted(boundary);
    return send(
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The same browser, talking to another app instance. */
  public WebSession at(int port) {
    return new WebSession("http://localhost:" + port, http);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
