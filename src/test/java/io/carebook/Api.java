package io.carebook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the API, as a mobile app or an agent would use it. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final @Nullable String token;
  private final String clientAddress;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  /**
   * A client of its own: each instance comes from another address (a test network, forwarded by the
   * local proxy the app trusts), so per-address limits of one test never touch another.
   */
  public Api(int port) {
    this("http://localhost:" + port, null, randomAddress());
  }

  private Api(String base, @Nullable String token, String clientAddress) {
    this.base = base;
    this.token = token;
    this.clientAddress = clientAddress;
  }

  public Api as(String accessToken) {
    return new Api(base, accessToken, clientAddress);
  }

  /** The same client, sending {@code name: value} with every request (an API key, say). */
  public Api withHeader(String name, String value) {
    var copy = new Api(base, token, clientAddress);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Api from(String address) {
    return new Api(base, token, address);
  }

  public String clientAddress() {
    return clientAddress;
  }

  private static String randomAddress() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  /** A response: status, headers, and the body as JSON (a missing node when empty). */
  public record Response(int status, HttpResponse<String> raw, JsonNode body) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }

    public String text(String field) {
      return body.path(field).asString();
    }
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object body) {
    return send(request(path).POST(json(body)));
  }

  public Response put(String path, Object body, Map<String, String> headers) {
    var request = request(path).PUT(json(body));
    headers.forEach(request::header);
    return send(request);
  }

  public Response patch(String path, Object body) {
    return send(request(path).method("PATCH", json(body)));
  }

  /** A multipart/form-data POST: one file part, then plain fields. */
  public Response postFile(
      String path,
      String part,
      String fileName,
      String type,
      byte[] content,
      Map<String, String> fields) {
    var boundary = "carebook-" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    var utf8 = java.nio.charset.StandardCharsets.UTF_8;
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(utf8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + part
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(utf8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
    return send(
        request(path)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary));
  }

  /** The raw bytes of a GET (a download). */
  public HttpResponse<byte[]> download(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response postRaw(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", clientAddress);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      var text = response.body();
      var body = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
      return new Response(response.statusCode(), response, body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
