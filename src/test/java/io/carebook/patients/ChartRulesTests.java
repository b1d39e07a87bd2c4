package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import org.junit.jupiter.api.Test;

/** The chart's small rules, without Spring: names of drugs, files, identifiers, tags, lists. */
class ChartRulesTests {

  @Test
  void identifiersAreHashedInOneFormHoweverTyped() {
    assertThat(IdentifierValues.normalize("2900-101 12.34/567")).isEqualTo("29001011234567");
    assertThat(IdentifierValues.normalize("٢٩٠٠١٠١")).isEqualTo("2900101");
    assertThat(IdentifierValues.normalize("ab-12")).isEqualTo("AB12");
    assertThatThrownBy(() -> IdentifierValues.checked("value", "12<3"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void tagsAreShortLowerCaseLabels() {
    assertThat(Tags.checked("  Home Visit ")).isEqualTo("home-visit");
    assertThat(Tags.checked("سكري")).isEqualTo("سكري");
    assertThatThrownBy(() -> Tags.checked("<b>")).isInstanceOf(ProblemException.class);
  }
}
