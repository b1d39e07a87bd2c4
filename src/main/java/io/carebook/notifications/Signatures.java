package io.carebook.notifications;

import io.carebook.shared.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The providers' webhook signatures, compared in constant time. */
public final class Signatures {

  private Signatures() {}

  /**
   * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the auth token, of the
   * full URL followed by every POST parameter's name and value, sorted by name.
   */
  public static String twilio(String authToken, String url, Map<String, String> parameters) {
    var data = new StringBuilder(url);
    new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
    return Base64.getEncoder().encodeToString(Hmac.sha1(authToken, bytes(data.toString())));
  }

  /** Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the body. */
  public static String whatsapp(String appSecret, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(appSecret, body));
  }

  public static boolean same(@Nullable String presented, String expected) {
    return Hmac.same(presented, expected);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
