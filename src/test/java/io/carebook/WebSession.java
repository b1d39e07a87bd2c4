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

/** A signed-in browser session without a browser: cookies, CSRF token, form posts. */
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

  public static WebSession signIn(int port, String email, String password) {
    var session = new WebSession("http://localhost:" + port);
    var form = session.get("/signin").body();
    var matcher = CSRF.matcher(form);
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page");
    }
    var body =
        "email="
            + encode(email)
            + "&password="
            + encode(password)
            + "&_csrf="
            + encode(matcher.group(1));
    session.send(
        HttpRequest.newBuilder(URI.create(session.base + "/signin"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    return session;
  }

  /** Posts a form from {@code page}, with the CSRF token that page carries. */
  public HttpResponse<String> post(String page, String action) {
    var matcher = CSRF.matcher(get(page).body());
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on " + page);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(matcher.group(1)))));
  }

  /** The same browser, talking to another app instance. */
  public WebSession at(int port) {
    var moved = new WebSession("http://localhost:" + port, http);
    return moved;
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
