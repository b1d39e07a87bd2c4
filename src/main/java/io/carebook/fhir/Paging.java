package io.carebook.fhir;

import io.carebook.shared.ProblemException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A searchset {@code Bundle} of one page of matches: {@code _count} per page (20 unless given, at
 * most 100), {@code total}, and {@code self} and {@code next} links; the next page's {@code
 * _cursor} is opaque to clients.
 */
final class Paging {

  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 100;

  /** A search reaches at most this many matches; past it the bundle has no total. */
  static final int MAX_MATCHES = 1000;

  private static final String CURSOR_PREFIX = "p1:";

  private Paging() {}

  /** A page of a search's matches and the bundle that carries it. */
  record Page(List<Resource> items, Bundle bundle) {}

  static Page page(String base, String type, SearchQuery query, List<? extends Resource> matches) {
    var count = count(query);
    var offset = offset(query);
    var reachable = Math.min(matches.size(), MAX_MATCHES);
    var end = Math.min(reachable, offset + count);
    var items = new ArrayList<Resource>(matches.subList(Math.min(offset, end), end));
    var bundle = new Bundle();
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTimestamp(new Date());
    if (matches.size() <= MAX_MATCHES) {
      bundle.setTotal(matches.size());
    }
    bundle.addLink().setRelation("self").setUrl(link(base, type, query.params(), null));
    if (end < reachable) {
      bundle.addLink().setRelation("next").setUrl(link(base, type, query.params(), cursor(end)));
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

  static int offset(SearchQuery query) {
    var given = query.single("_cursor");
    if (given.isEmpty()) {
      return 0;
    }
    try {
      var text = new String(Base64.getUrlDecoder().decode(given.get()), StandardCharsets.UTF_8);
      if (!text.startsWith(CURSOR_PREFIX)) {
        throw new IllegalArgumentException(text);
      }
      var offset = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
      if (offset < 0 || offset > MAX_MATCHES) {
        throw new IllegalArgumentException(text);
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("_cursor", "is not a cursor this server gave");
    }
  }

  private static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static String link(
      String base,
      String type,
      Map<String, List<String>> params,
      @org.jspecify.annotations.Nullable String cursor) {
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
