package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Versions as ETags and back, without Spring: the problems every API answers alike. */
class ETagsTests {

  @Test
  void aVersionIsAStrongETagAndComesBackWeakOrStrong() {
    assertThat(ETags.of(3)).isEqualTo("\"3\"");
    assertThat(ETags.required("\"3\"")).isEqualTo(3);
    assertThat(ETags.required("W/\"3\"")).isEqualTo(3);
    assertThat(ETags.optional(" \"4\" ")).isEqualTo(4);
  }

  @Test
  void aRequiredIfMatchIsAskedForAndAStrangeOneIsStale() {
    assertThatThrownBy(() -> ETags.required(null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
              assertThat(e.kind()).isEqualTo("if-match-required");
            });
    assertThatThrownBy(() -> ETags.required("*"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
              assertThat(e.kind()).isEqualTo("stale-write");
            });
  }

  @Test
  void anOptionalIfMatchMayBeLeftOutButNotMistyped() {
    assertThat(ETags.optional(null)).isNull();
    assertThat(ETags.optional(" ")).isNull();
    assertThatThrownBy(() -> ETags.optional("abc"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("If-Match"));
  }
}
