package io.carebook.conversations.bot;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's place in a conversation, kept as JSON in {@code conversations.step}: the stage it waits
 * in, what it learned so far ({@code data}: the patient, doctor, service, day, time, the
 * appointment being moved, a pending intent), the ids of the options it last offered (in order, so
 * "2" picks the second) with their titles (so a typed "10:30" or a doctor's name picks one too),
 * and how many answers in a row it did not understand.
 */
record Step(
    Stage stage, Map<String, String> data, List<String> options, List<String> titles, int misses) {

  enum Stage {
    START,
    LANGUAGE,
    WHO,
    NAME,
    MENU,
    DOCTOR,
    SERVICE,
    DAY,
    TIME,
    CONFIRM,
    APPOINTMENT
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  Step {
    data = Map.copyOf(data);
    options = List.copyOf(options);
    titles = List.copyOf(titles);
  }

  /** A step whose options have no titles to match (ids alone). */
  Step(Stage stage, Map<String, String> data, List<String> options, int misses) {
    this(stage, data, options, List.of(), misses);
  }

  static Step fresh() {
    return new Step(Stage.START, Map.of(), List.of(), 0);
  }

  static Step parse(@Nullable String json) {
    if (json == null || json.isBlank() || json.equals("{}")) {
      return fresh();
    }
    try {
      Map<String, Object> map = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      var data = (Map<String, String>) map.getOrDefault("data", Map.of());
      @SuppressWarnings("unchecked")
      var options = (List<String>) map.getOrDefault("options", List.of());
      @SuppressWarnings("unchecked")
      var titles = (List<String>) map.getOrDefault("titles", List.of());
      return new Step(
          Stage.valueOf(String.valueOf(map.getOrDefault("stage", "START"))),
          data,
          options,
          titles.size() == options.size() ? titles : List.of(),
          ((Number) map.getOrDefault("misses", 0)).intValue());
    } catch (RuntimeException e) {
      return fresh(); // a step written by another version: start over rather than fail
    }
  }

  String json() {
    var map = new LinkedHashMap<String, Object>();
    map.put("stage", stage.name());
    map.put("data", data);
    map.put("options", options);
    if (!titles.isEmpty()) {
      map.put("titles", titles);
    }
    map.put("misses", misses);
    return JSON.writeValueAsString(map);
  }

  @Nullable String get(String key) {
    return data.get(key);
  }

  Step with(String key, @Nullable String value) {
    var changed = new HashMap<>(data);
    if (value == null) {
      changed.remove(key);
    } else {
      changed.put(key, value);
    }
    return new Step(stage, changed, options, titles, misses);
  }

  /** Waits in {@code next} for an answer to {@code offered}; the misses start again. */
  Step waiting(Stage next, List<String> offered) {
    return new Step(next, data, offered, 0);
  }

  /** Waits in {@code next} for a pick among {@code offered}, by id, number or title. */
  Step offering(Stage next, List<Reply.Option> offered) {
    return new Step(
        next,
        data,
        offered.stream().map(Reply.Option::id).toList(),
        offered.stream().map(Reply.Option::title).toList(),
        0);
  }

  Step missed() {
    return new Step(stage, data, options, titles, misses + 1);
  }
}
