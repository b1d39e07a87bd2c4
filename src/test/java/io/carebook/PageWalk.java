package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Walks an /api/v1 list page by page, as a client does (docs/api/conventions.md): {@code ?limit=},
 * then each page's {@code next} as {@code ?cursor=} until it is null. Between pages a test may add
 * items, to see that a cursor continues after its item: nothing repeated, nothing skipped.
 */
public final class PageWalk {

  private PageWalk() {}

  /**
   * The ids of every item, in the order walked; {@code between} runs after each page but the last.
   */
  public static List<String> ids(Api api, String path, int limit, IntConsumer between) {
    return walk(api, path, limit, between, item -> item.path("id").asString());
  }

  /** As {@link #ids}, each item named by {@code key}. */
  public static List<String> walk(
      Api api, String path, int limit, IntConsumer between, Function<JsonNode, String> key) {
    var walked = new ArrayList<String>();
    String cursor = null;
    var pages = 0;
    var separator = path.contains("?") ? "&" : "?";
    do {
      var page =
          api.get(
              path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      var items = page.body().path("items");
      assertThat(items.size()).as("a page of at most the limit").isLessThanOrEqualTo(limit);
      items.forEach(item -> walked.add(key.apply(item)));
      cursor = page.body().path("next").isNull() ? null : page.text("next");
      if (cursor != null) {
        assertThat(items.size()).as("a page before the last is full").isEqualTo(limit);
        between.accept(pages);
      }
      pages++;
      assertThat(pages).as("pages walked").isLessThan(1000);
    } while (cursor != null);
    assertThat(walked).as("ids never repeated").doesNotHaveDuplicates();
    return walked;
  }

  /** The ids of the whole list, as answered without limit and cursor. */
  public static List<String> whole(Api api, String path) {
    var answer = api.get(path);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("next").isNull()).as("a whole list has no next").isTrue();
    var ids = new ArrayList<String>();
    answer.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }

  /**
   * A cursor this list gave, edited, and a cursor that is no key of a list, are each a 400
   * invalid-input problem naming the cursor.
   */
  public static void tamperedCursorsAreProblems(Api api, String path) {
    var separator = path.contains("?") ? "&" : "?";
    var first = api.get(path + separator + "limit=1");
    assertThat(first.body().path("next").isNull()).as("a list of more than one").isFalse();
    var next = first.text("next");
    var tampered = (next.charAt(0) == 'A' ? "B" : "A") + next.substring(1);
    for (var cursor :
        List.of(
            tampered,
            next.substring(0, next.length() - 2),
            "%25%25",
            io.carebook.shared.web.CursorPage.encode("not a key"))) {
      var answer = api.get(path + separator + "limit=1&cursor=" + cursor);
      assertThat(answer.status()).as(cursor).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.text("type")).isEqualTo("/problems/invalid-input");
      assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }
  }
}
