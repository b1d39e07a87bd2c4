package io.carebook.shared.logging;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/** Structured (JSON) logs with personal data masked in messages and stack traces. */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

  @Override
  public void customize(Members<Object> members) {
    members.applyingValueProcessor(
        ValueProcessor.of(String.class, PersonalData::mask)
            .whenHasPath(path -> path.name().contains("message") || path.name().contains("stack")));
  }
}
