package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

@CarebookTest
class EventSerializationTests {

  record Reminded(String patient) {}

  @Autowired EventSerializer events;

  @Test
  void anEventStoredWithAFieldItsRecordDroppedIsStillDelivered() {
    var stored = "{\"patient\":\"p-1\",\"email\":\"dropped@example.test\"}";
    assertThat(events.deserialize(stored, Reminded.class)).isEqualTo(new Reminded("p-1"));
    assertThat(events.serialize(new Reminded("p-2")).toString()).contains("p-2");
  }
}
