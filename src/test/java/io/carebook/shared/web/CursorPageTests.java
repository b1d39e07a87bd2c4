package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Cursor pages without Spring: walked whole, resumed after a removal before, refused tampered. */
class CursorPageTests {

  private static final List<String> LETTERS =
      IntStream.range(0, 11).mapToObj(i -> String.valueOf((char) ('a' + i))).toList();

  @Test
  void pagesWalkTheListOnceInOrder() {
    var walked = new ArrayList<String>();
    String cursor = null;
    do {
      var page = CursorPage.of(LETTERS, 4, cursor, s -> s);
      walked.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    assertThat(walked).containsExactlyElementsOf(LETTERS);
  }

  @Test
  void aPageContinuesAfterItsKeyWhateverWasRemovedBefore() {
    var first = CursorPage.of(LETTERS, 3, null, s -> s);
    var fewer = LETTERS.subList(1, LETTERS.size()); // "a" deleted meanwhile
    assertThat(CursorPage.of(fewer, 3, first.next(), s -> s).items())
        .containsExactly("d", "e", "f");
  }

  @Test
  void tamperedCursorsAndUnreasonableLimitsAreInvalidInput() {
    var next = CursorPage.of(LETTERS, 2, null, s -> s).next();
    for (var bad : List.of(next.substring(1), next + "A", "!!", "YQ")) {
      assertThatThrownBy(() -> CursorPage.of(LETTERS, 2, bad, s -> s))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.errors().getFirst().field()).isEqualTo("cursor"));
    }
    for (var limit : List.of(0, -1, 201)) {
      assertThatThrownBy(() -> CursorPage.of(LETTERS, limit, null, s -> s))
          .isInstanceOf(ProblemException.class);
    }
    assertThat(CursorPage.of(LETTERS, 200, null, s -> s).next()).isNull();
  }

  @Test
  void theOlderAfterTakesARawIdOrACursor() {
    var cursor = CursorPage.cursorOrAfter(null, "c");
    assertThat(CursorPage.of(LETTERS, 1, cursor, s -> s).items()).containsExactly("d");
    var given = CursorPage.encode("c");
    assertThat(CursorPage.cursorOrAfter(null, given)).isEqualTo(given);
    assertThat(CursorPage.cursorOrAfter(given, "x")).isEqualTo(given);
  }
}
