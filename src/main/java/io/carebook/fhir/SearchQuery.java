package io.carebook.fhir;

import io.carebook.shared.ProblemException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one search, checked against what the type supports: an unknown parameter, a
 * value repeated where one is meant, or a value of the wrong shape is refused with 400.
 */
final class SearchQuery {

  /** Parameters every search takes: page size, the next page's cursor, the format. */
  static final Set<String> COMMON = Set.of("_count", "_cursor", "_format");

  private final Map<String, List<String>> params;

  private SearchQuery(Map<String, List<String>> params) {
    this.params = params;
  }

  static SearchQuery of(Map<String, List<String>> raw, ResourceType type) {
    var known = type.searchParameters().stream().map(ResourceType.SearchParameter::name).toList();
    var params = new LinkedHashMap<String, List<String>>();
    raw.forEach(
        (name, values) -> {
          if (!COMMON.contains(name) && !known.contains(name)) {
            throw ProblemException.invalid(
                name,
                "is not a search parameter of "
                    + type.name()
                    + (known.isEmpty() ? "" : " (it takes " + String.join(", ", known) + ")")
                    + "; see /api/fhir/r4/metadata");
          }
          params.put(name, List.copyOf(values));
        });
    var query = new SearchQuery(params);
    query.single("_format").ifPresent(SearchQuery::requireJson);
    return query;
  }

  /** How many matches a page holds ({@code _count}). */
  int count() {
    return Paging.count(this);
  }

  /** The sort key the page begins after ({@code _cursor}), null for the first page. */
  @Nullable String after() {
    return Paging.after(this);
  }

  /**
   * The key a keyset page begins after, as an instant and an id ({@code instant/id}), null for the
   * first page.
   */
  @Nullable InstantAndId afterInstantAndId() {
    var after = after();
    if (after == null) {
      return null;
    }
    var slash = after.indexOf('/');
    try {
      return new InstantAndId(
          java.time.Instant.parse(after.substring(0, slash)),
          UUID.fromString(after.substring(slash + 1)));
    } catch (RuntimeException e) {
      // a cursor of another search, or of an earlier release (a patient search's was encoded twice)
      throw ProblemException.invalid(
          "_cursor", "is not a cursor of this search; start again without a cursor");
    }
  }

  /** A keyset page's sort key: when, then which. */
  record InstantAndId(java.time.Instant at, UUID id) {
    static String key(java.time.Instant at, UUID id) {
      return at + "/" + id;
    }
  }

  /** The parameters as given, for the links of a page. */
  Map<String, List<String>> params() {
    return params;
  }

  boolean has(String name) {
    return params.containsKey(name);
  }

  /** The one value of a parameter, if given; refused if given twice. */
  Optional<String> single(String name) {
    var values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw ProblemException.invalid(name, "is given more than once");
    }
    return values.stream().findFirst().map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * The id a reference parameter names ({@code Patient/…} or just the id); refused if it names
   * another type or is not an id this server gives.
   */
  Optional<UUID> reference(String name, String type) {
    return single(name).map(value -> referenced(name, type, value));
  }

  /** The type and id a reference parameter names ({@code Type/id}), for {@code actor}. */
  Optional<String[]> typedReference(String name) {
    return single(name)
        .map(
            value -> {
              var parts = value.split("/");
              if (parts.length != 2) {
                throw ProblemException.invalid(name, "must name the type, e.g. Patient/{id}");
              }
              return parts;
            });
  }

  static UUID referenced(String name, String type, String value) {
    var slash = value.lastIndexOf('/');
    if (slash >= 0 && !value.substring(0, slash).equals(type)) {
      throw ProblemException.invalid(name, "must refer to a " + type);
    }
    try {
      return UUID.fromString(value.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name, "is not the id of a " + type + " on this server");
    }
  }

  /** A token parameter's code ({@code system|code} or just the code), one of {@code allowed}. */
  Optional<String> token(String name, Set<String> allowed) {
    return single(name)
        .map(
            value -> {
              var code = value.substring(value.indexOf('|') + 1);
              if (!allowed.contains(code)) {
                throw ProblemException.invalid(
                    name,
                    "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
              }
              return code;
            });
  }

  DateRange date(String name, ZoneId zone) {
    var values = params.getOrDefault(name, List.of());
    return values.isEmpty() ? DateRange.ANY : DateRange.parse(name, values, zone);
  }

  /** A parameter that must be given for this search. */
  String required(String name, @Nullable String why) {
    return single(name)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    name, "is required to search" + (why == null ? "" : " " + why)));
  }

  private static void requireJson(String format) {
    if (!format.equals("json") && !format.contains("json")) {
      throw ProblemException.invalid("_format", "only JSON is served (application/fhir+json)");
    }
  }
}
