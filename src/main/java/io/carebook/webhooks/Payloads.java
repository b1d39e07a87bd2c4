package io.carebook.webhooks;

import io.carebook.shared.Money;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a delivery: {@code {"type", "timestamp", "data"}}, the Standard Webhooks shape. The
 * data carries ids, times, states and amounts only: never a name, a phone or clinical text, so a
 * receiver that needs more reads it through the API with its own key and permissions.
 */
@Component
class Payloads {

  private final JsonMapper json;

  Payloads(JsonMapper json) {
    this.json = json;
  }

  /** The body of an event of {@code type} that happened at {@code at}. */
  String body(String type, Instant at, Map<String, @Nullable Object> data) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", type);
    body.put("timestamp", at.toString());
    body.put("data", data);
    return json.writeValueAsString(body);
  }

  /** The data of an event, from name and value pairs; ids and instants written as text. */
  static Map<String, @Nullable Object> data(@Nullable Object... pairs) {
    var data = new LinkedHashMap<String, @Nullable Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      data.put(String.valueOf(pairs[i]), wire(pairs[i + 1]));
    }
    return data;
  }

  private static @Nullable Object wire(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case Money money ->
          Map.of(
              "amount", money.amount().toPlainString(),
              "currency", money.currency().getCurrencyCode());
      case Number number -> number;
      case Boolean flag -> flag;
      default -> value.toString();
    };
  }
}
