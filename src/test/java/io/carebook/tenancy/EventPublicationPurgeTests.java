package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Completed event publications do not stay in the registry forever; outstanding ones do. */
@CarebookTest
class EventPublicationPurgeTests {

  @Autowired EventPublicationPurge purge;
  @Autowired Environment environment;

  @Test
  void completedEventPublicationsArePurged() {
    var old = publication(Instant.now().minus(Duration.ofDays(8)), true);
    var recent = publication(Instant.now().minus(Duration.ofDays(1)), true);
    var outstanding = publication(Instant.now().minus(Duration.ofDays(30)), false);

    purge.purge();

    assertThat(exists(old)).isFalse();
    assertThat(exists(recent)).isTrue();
    assertThat(exists(outstanding)).isTrue();
  }

  private UUID publication(Instant at, boolean completed) {
    var id = UUID.randomUUID();
    OwnerDatabase.jdbc(environment)
        .sql(
            """
            insert into event_publication (id, listener_id, event_type, serialized_event,
                                           publication_date, completion_date, status,
                                           completion_attempts)
            values (?, 'purge-test', 'java.lang.String', ?, ?, ?, ?, 1)""")
        .params(
            id,
            "\"" + id + "\"",
            Timestamp.from(at),
            completed ? Timestamp.from(at.plusSeconds(1)) : null,
            completed ? "COMPLETED" : "PROCESSING")
        .update();
    return id;
  }

  private boolean exists(UUID id) {
    return OwnerDatabase.jdbc(environment)
        .sql("select exists (select 1 from event_publication where id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }
}
