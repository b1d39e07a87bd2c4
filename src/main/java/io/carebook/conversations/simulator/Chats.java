package io.carebook.conversations.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The simulated chats, in memory: the simulator serves one developer's single instance, and a
 * restart starting with empty phones is what a demo wants. A chat is one clinic number and one
 * patient number; the newest 200 lines of the newest 500 chats are kept.
 */
@Component
class Chats {

  static final int LINES_PER_CHAT = 200;
  static final int CHATS = 500;

  /** A chat: the clinic's phone number id and the patient's number in E.164 ("+2010…"). */
  record Key(String phoneNumberId, String patient) {

    static Key of(String phoneNumberId, String waIdOrE164) {
      var digits = waIdOrE164.replaceAll("[^0-9]", "");
      return new Key(phoneNumberId, "+" + digits);
    }

    String waId() {
      return patient.substring(1);
    }
  }

  private final Map<Key, List<ChatLine>> chats =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<ChatLine>> eldest) {
          return size() > CHATS;
        }
      };

  synchronized void add(Key key, ChatLine line) {
    var lines = chats.computeIfAbsent(key, k -> new ArrayList<>());
    lines.add(line);
    if (lines.size() > LINES_PER_CHAT) {
      lines.removeFirst();
    }
  }

  synchronized List<ChatLine> of(Key key) {
    return List.copyOf(chats.getOrDefault(key, List.of()));
  }

  /** Changes the line with that id, wherever it is; the changed line if there was one. */
  synchronized Optional<ChatLine> update(String id, UnaryOperator<ChatLine> change) {
    for (var lines : chats.values()) {
      for (var i = 0; i < lines.size(); i++) {
        if (lines.get(i).id().equals(id)) {
          lines.set(i, change.apply(lines.get(i)));
          return Optional.of(lines.get(i));
        }
      }
    }
    return Optional.empty();
  }
}
