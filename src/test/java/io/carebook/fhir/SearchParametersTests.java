package io.carebook.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** Search parameters are read as FHIR means them, and refused with 400 when they cannot be. */
class SearchParametersTests {

  static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  /** A type that takes a date, a patient and a status. */
  static final ResourceType TYPE =
      new ResourceType() {
        @Override
        public String name() {
          return "Appointment";
        }

        @Override
        public Action action() {
          return Action.PATIENT_VIEW;
        }

        @Override
        public List<SearchParameter> searchParameters() {
          return List.of(
              new SearchParameter("date", SearchParamType.DATE, ""),
              new SearchParameter("patient", SearchParamType.REFERENCE, ""),
              new SearchParameter("status", SearchParamType.TOKEN, ""));
        }

        @Override
        public Resource read(String id) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Paging.Matches search(SearchQuery query) {
          return Paging.Matches.inMemory(List.of(), query);
        }
      };

  static SearchQuery query(Map<String, List<String>> params) {
    return SearchQuery.of(params, TYPE);
  }

  @Test
  void aDayIsTheClinicsLocalDayAndPrefixesNarrowIt() {
    var day = DateRange.parse("date", List.of("2026-03-01"), CAIRO);
    assertThat(day.from()).isEqualTo(Instant.parse("2026-02-28T22:00:00Z"));
    assertThat(day.to()).isEqualTo(Instant.parse("2026-03-01T22:00:00Z"));

    var range = DateRange.parse("date", List.of("ge2026-03-01", "lt2026-03-03"), CAIRO);
    assertThat(range.from()).isEqualTo(Instant.parse("2026-02-28T22:00:00Z"));
    assertThat(range.to()).isEqualTo(Instant.parse("2026-03-02T22:00:00Z"));
    assertThat(range.contains(Instant.parse("2026-03-02T21:59:59Z"))).isTrue();
    assertThat(range.contains(Instant.parse("2026-03-02T22:00:00Z"))).isFalse();

    var after = DateRange.parse("date", List.of("gt2026-03-01T10:00:00Z"), CAIRO);
    assertThat(after.contains(Instant.parse("2026-03-01T10:00:00Z"))).isFalse();
    assertThat(after.contains(Instant.parse("2026-03-01T10:00:01Z"))).isTrue();

    var month = DateRange.parse("date", List.of("le2026-02"), CAIRO);
    assertThat(month.from()).isNull();
    assertThat(month.to()).isEqualTo(Instant.parse("2026-02-28T22:00:00Z"));
  }

  @Test
  void unsupportedPrefixesAndShapesAreRefused() {
    for (var bad : List.of("ne2026-03-01", "ap2026-03-01", "tomorrow", "2026-13-01", "ge")) {
      assertThatThrownBy(() -> DateRange.parse("date", List.of(bad), CAIRO))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }
  }

  @Test
  void unknownParametersWrongReferencesAndUnknownCodesAreRefused() {
    assertThatThrownBy(() -> query(Map.of("practitioner", List.of("x"))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("practitioner"));
    assertThatThrownBy(() -> query(Map.of("_format", List.of("xml"))))
        .isInstanceOf(ProblemException.class);
    var id = UUID.randomUUID();
    assertThat(query(Map.of("patient", List.of("Patient/" + id))).reference("patient", "Patient"))
        .contains(id);
    assertThat(query(Map.of("patient", List.of(id.toString()))).reference("patient", "Patient"))
        .contains(id);
    assertThatThrownBy(
            () ->
                query(Map.of("patient", List.of("Practitioner/" + id)))
                    .reference("patient", "Patient"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () -> query(Map.of("patient", List.of("a", "b"))).reference("patient", "Patient"))
        .isInstanceOf(ProblemException.class);
    assertThat(
            query(Map.of("status", List.of("http://hl7.org/fhir/appointmentstatus|booked")))
                .token("status", Set.of("booked")))
        .contains("booked");
    assertThatThrownBy(
            () -> query(Map.of("status", List.of("pending"))).token("status", Set.of("booked")))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void pagesAreCountedAndTheCursorIsOnlyOneThisServerGave() {
    var matches = new java.util.ArrayList<Patient>();
    for (int i = 0; i < 5; i++) {
      var patient = new Patient();
      patient.setId("p" + i);
      matches.add(patient);
    }
    var firstQuery = query(Map.of("_count", List.of("2")));
    var first =
        Paging.page(
            "http://x/api/fhir/r4",
            "Patient",
            firstQuery,
            Paging.Matches.inMemory(matches, firstQuery));
    assertThat(first.items()).hasSize(2);
    assertThat(first.bundle().getTotal()).isEqualTo(5);
    var next = first.bundle().getLink("next").getUrl();
    var cursor = next.substring(next.indexOf("_cursor=") + "_cursor=".length());
    var secondQuery = query(Map.of("_count", List.of("2"), "_cursor", List.of(cursor)));
    var second =
        Paging.page(
            "http://x/api/fhir/r4",
            "Patient",
            secondQuery,
            Paging.Matches.inMemory(matches, secondQuery));
    assertThat(second.items())
        .extracting(r -> r.getIdElement().getIdPart())
        .containsExactly("p2", "p3");
    assertThatThrownBy(() -> Paging.Matches.inMemory(matches.subList(3, 5), secondQuery))
        .as("the match the cursor names is gone")
        .isInstanceOf(ProblemException.class);

    assertThat(Paging.count(query(Map.of("_count", List.of("500"))))).isEqualTo(Paging.MAX_COUNT);
    assertThat(Paging.count(query(Map.of()))).isEqualTo(Paging.DEFAULT_COUNT);
    assertThatThrownBy(() -> Paging.count(query(Map.of("_count", List.of("-1")))))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Paging.after(query(Map.of("_cursor", List.of("bm9wZQ")))))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aKeysetPageEndsAtItsLastKeyAndKnowsItsTotalOnlyWhenWhole() {
    var at = Instant.parse("2026-03-01T08:00:00Z");
    var ids = new java.util.ArrayList<UUID>();
    for (int i = 0; i < 3; i++) {
      ids.add(UUID.randomUUID());
    }
    java.util.function.Function<UUID, Resource> resource =
        id -> {
          var patient = new Patient();
          patient.setId(id.toString());
          return patient;
        };
    var two = query(Map.of("_count", List.of("2")));
    var page =
        Paging.Matches.ofOneMore(ids, two, id -> SearchQuery.InstantAndId.key(at, id), resource);
    assertThat(page.items()).hasSize(2);
    assertThat(page.total()).isNull();
    assertThat(page.next()).isEqualTo(at + "/" + ids.get(1));
    var cursor = io.carebook.shared.web.CursorPage.encode(page.next());
    var after = query(Map.of("_count", List.of("2"), "_cursor", List.of(cursor)));
    assertThat(after.afterInstantAndId()).isEqualTo(new SearchQuery.InstantAndId(at, ids.get(1)));
    var last = Paging.Matches.ofOneMore(ids.subList(2, 3), after, id -> "", resource);
    assertThat(last.next()).isNull();
    assertThat(last.total()).as("not known after the first page").isNull();
    var whole =
        Paging.Matches.ofOneMore(ids, query(Map.of("_count", List.of("5"))), id -> "", resource);
    assertThat(whole.total()).isEqualTo(3);
    assertThatThrownBy(
            () ->
                query(
                        Map.of(
                            "_cursor",
                            List.of(io.carebook.shared.web.CursorPage.encode("not-a-key"))))
                    .afterInstantAndId())
        .isInstanceOf(ProblemException.class);
  }
}
