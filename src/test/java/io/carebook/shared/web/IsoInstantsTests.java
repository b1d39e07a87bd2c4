package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/** The fast path writes exactly what {@link Instant#toString()} writes, whatever the instant. */
class IsoInstantsTests {

  record At(@JsonSerialize(using = IsoInstants.class) Instant at) {}

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void writesWhatInstantToStringWrites() {
    var instants = new ArrayList<Instant>();
    instants.add(Instant.EPOCH);
    instants.add(Instant.parse("1969-12-31T23:59:59Z"));
    instants.add(Instant.parse("2026-12-08T07:15:00Z"));
    instants.add(Instant.parse("2028-02-29T23:59:59Z"));
    instants.add(Instant.parse("9999-12-31T23:59:59Z"));
    instants.add(Instant.parse("+10000-01-01T00:00:00Z"));
    instants.add(Instant.parse("2026-12-08T07:15:00.120Z"));
    instants.add(Instant.parse("2026-12-08T07:15:00.000000001Z"));
    instants.add(Instant.MIN);
    instants.add(Instant.MAX);
    var random = new SplittableRandom(18);
    for (int i = 0; i < 100_000; i++) {
      var seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
      instants.add(Instant.ofEpochSecond(seconds, i % 10 == 0 ? random.nextInt(1_000_000_000) : 0));
    }
    for (var instant : instants) {
      assertThat(json.writeValueAsString(new At(instant)))
          .as("%s", instant)
          .isEqualTo("{\"at\":\"" + instant + "\"}");
    }
  }
}
