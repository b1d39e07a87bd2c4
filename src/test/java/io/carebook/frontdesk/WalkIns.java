package io.carebook.frontdesk;

import io.carebook.Api;
import java.util.HashMap;
import java.util.Map;

/** Walks a patient in through the API, as the front desk's API tests do. */
final class WalkIns {

  private WalkIns() {}

  /** A new patient named {@code name} (with a phone of their own) checked in with {@code extra}. */
  static Api.Response walkIn(Api desk, String name, Map<String, Object> extra) {
    var body = new HashMap<String, Object>(extra);
    body.put("patient", Map.of("fullName", name, "phone", "0100 000 " + (1000 + name.length())));
    return desk.post("/api/v1/visits", body);
  }
}
