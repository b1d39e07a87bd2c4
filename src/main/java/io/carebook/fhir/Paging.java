package io.carebook.fhir;

import io.carebook.shared.ProblemException;
import io.carebook.shared.web.CursorPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A searchset {@code Bundle} of one page of matches: {@code _count} per page (20 unless given, at
 * most 100), {@code self} and {@code next} links, and {@code total} where the search knows it. The
 * next page's {@code _cursor} is opaque to clients: the sort key of the page's last match (for
 * appointments their start and id, for encounters by date their arrival and id, for patients their
 * registration and id), encoded once and checksummed as /api/v1's cursors are ({@link
 * CursorPage#encode}), so the next page is read in SQL after that key, whatever was added or
 * removed before it. Short lists a module returns whole (a clinic's doctors, a patient's allergies)
 * page the same way, in memory, after the last match's id.
 */
final class Paging {

  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 100;

  /** A search that counts its matches to give a total stops counting past this many. */
  static final int MAX_MATCHES = 1000;

  private Paging() {}

  /** A page of a search's matches and the bundle that carries it. */
  record Page(List<Resource> items, Bundle bundle) {}

  /**
   * One page of a search: at most {@code _count} matches, the key to read the next page after (null
   * on the last page), and the number of all matches when the search knows it.
   */
  record Matches(List<? extends Resource> items, @Nullable String next, @Nullable Integer total) {

    /**
     * The page of rows a keyset read returned after the cursor's key, asking for one more than the
     * page holds: the extra row only tells that another page follows. The total is known when the
     * first page holds every match.
     */
    static <T> Matches ofOneMore(
        List<T> rows,
        SearchQuery query,
        Function<T, String> key,
        Function<T, ? extends Resource> resource) {
      var count = query.count();
      var more = rows.size() > count;
      var page = more ? rows.subList(0, count) : rows;
      var next = more && !page.isEmpty() ? key.apply(page.getLast()) : null;
      var total = !more && query.after() == null ? (Integer) rows.size() : null;
      return new Matches(page.stream().map(resource).toList(), next, total);
    }

    /**
     * A search paged in SQL by an instant, then id (appointments by start, encounters by arrival):
     * {@code read} is given the key the cursor names (both null on the first page) and how many
     * rows to read, one more than the page holds; {@code at} and {@code id} name a match's key for
     * the next page's cursor.
     */
    static <T> Matches afterInstantAndId(
        SearchQuery query,
        KeysetRead<T> read,
        Function<T, Instant> at,
        Function<T, UUID> id,
        Function<T, ? extends Resource> resource) {
      var after = query.afterInstantAndId();
      var rows =
          read.rows(
              after == null ? null : after.at(),
              after == null ? null : after.id(),
              query.count() + 1);
      return ofOneMore(
          rows, query, r -> SearchQuery.InstantAndId.key(at.apply(r), id.apply(r)), resource);
    }

    /**
     * The page of a list a module returns whole and bounded (in its stable order, ids unique),
     * after the match whose id the cursor names; the total is the list's size.
     */
    static Matches inMemory(List<? extends Resource> all, SearchQuery query) {
      var start = 0;
      var after = query.after();
      if (after != null) {
        start = -1;
        for (int i = 0; i < all.size(); i++) {
          if (all.get(i).getIdElement().getIdPart().equals(after)) {
            start = i + 1;
            break;
          }
        }
        if (start < 0) {
          throw ProblemException.invalid(
              "_cursor", "names a match no longer found; search again without a cursor");
        }
      }
      var end = Math.min(all.size(), start + query.count());
      var page = all.subList(start, end);
      var next =
          end < all.size() && !page.isEmpty() ? page.getLast().getIdElement().getIdPart() : null;
      return new Matches(List.copyOf(page), next, all.size());
    }
  }

  /** Reads up to {@code limit} rows after the key (start, id) of a previous page's last match. */
  @FunctionalInterface
  interface KeysetRead<T> {
    List<T> rows(@Nullable Instant afterAt, @Nullable UUID afterId, int limit);
  }

  static Page page(String base, String type, SearchQuery query, Matches matches) {
    var items = new ArrayList<Resource>(matches.items());
    var bundle = new Bundle();
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTimestamp(new Date());
    if (matches.total() != null) {
      bundle.setTotal(matches.total());
    }
    bundle.addLink().setRelation("self").setUrl(link(base, type, query.params(), null));
    if (matches.next() != null) {
      bundle
          .addLink()
          .setRelation("next")
          .setUrl(link(base, type, query.params(), CursorPage.encode(matches.next())));
    }
    for (var item : items) {
      bundle
          .addEntry()
          .setFullUrl(base + "/" + type + "/" + item.getIdElement().getIdPart())
          .setResource(item)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    return new Page(items, bundle);
  }

  static int count(SearchQuery query) {
    var given = query.single("_count");
    if (given.isEmpty()) {
      return DEFAULT_COUNT;
    }
    try {
      var count = Integer.parseInt(given.get());
      if (count < 0) {
        throw ProblemException.invalid("_count", "must be 0 or more");
      }
      return Math.min(count, MAX_COUNT);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("_count", "must be a whole number");
    }
  }

  /**
   * The sort key the {@code _cursor} names, null without one; 400 for one this server never gave.
   */
  static @Nullable String after(SearchQuery query) {
    var given = query.single("_cursor");
    if (given.isEmpty()) {
      return null;
    }
    try {
      return CursorPage.decode(given.get());
    } catch (ProblemException e) {
      throw ProblemException.invalid("_cursor", "is not a cursor this server gave");
    }
  }

  private static String link(
      String base, String type, Map<String, List<String>> params, @Nullable String cursor) {
    var query = new LinkedHashMap<>(params);
    query.remove("_cursor");
    if (cursor != null) {
      query.put("_cursor", List.of(cursor));
    }
    var text =
        query.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    return base + "/" + type + (text.isEmpty() ? "" : "?" + text);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
