package io.carebook.tenancy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored event publications are read back with a lenient mapper. Request bodies refuse unknown
 * fields (spring.jackson.deserialization.fail-on-unknown-properties), but an event stored by an
 * earlier version may carry a field its record has since dropped (events lost their e-mails and
 * clear secrets in issue 15): it must still be delivered on restart, not fail for ever.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

  @Bean
  EventSerializer eventSerializer(JsonMapper json) {
    var lenient = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    return new EventSerializer() {
      @Override
      public Object serialize(Object event) {
        return lenient.writeValueAsString(event);
      }

      @Override
      public <T> T deserialize(Object serialized, Class<T> type) {
        return lenient.readValue(serialized.toString(), type);
      }
    };
  }
}
