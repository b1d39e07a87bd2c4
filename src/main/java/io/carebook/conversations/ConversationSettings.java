package io.carebook.conversations;

import io.carebook.shared.ClinicId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's conversation settings: whether the bot answers, and the clinic's own wording of the
 * bot's messages per language ({@code wording.get("es").get("greeting")}), over the built-in
 * wording ({@link BotWording}).
 */
public record ConversationSettings(
    ClinicId clinicId, boolean enabled, Map<String, Map<String, String>> wording) {

  public ConversationSettings {
    wording = Map.copyOf(wording);
  }

  /** No row saved: the bot answers in its built-in wording. */
  public static ConversationSettings defaults(ClinicId clinic) {
    return new ConversationSettings(clinic, true, Map.of());
  }

  /** The clinic's own text for {@code key} in {@code language}, if it wrote one. */
  public @Nullable String override(String language, String key) {
    var texts = wording.get(language);
    var text = texts == null ? null : texts.get(key);
    return text == null || text.isBlank() ? null : text;
  }
}
