package io.carebook.patients.web;

import io.carebook.shared.ProblemException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A page of a chart's list (allergies, documents…): {@code items}, and {@code next}, the cursor of
 * the following page (the id of this page's last item), null on the last page.
 */
record ListPage<T>(
    List<T> items,
    @Schema(description = "pass as 'after' for the next page; null on the last")
        @Nullable String next) {

  static final int MAX = 100;

  static <T> ListPage<T> of(List<T> all, int limit, @Nullable String after, Function<T, ?> id) {
    var size = Math.clamp(limit, 1, MAX);
    var start = 0;
    if (after != null && !after.isBlank()) {
      start = -1;
      for (int i = 0; i < all.size(); i++) {
        if (id.apply(all.get(i)).toString().equals(after)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        throw ProblemException.invalid("after", "is not a cursor this API returned");
      }
    }
    var end = Math.min(all.size(), start + size);
    var items = all.subList(start, end);
    var next = end < all.size() ? id.apply(items.getLast()).toString() : null;
    return new ListPage<>(List.copyOf(items), next);
  }
}
