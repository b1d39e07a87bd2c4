package io.carebook.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet shows as text and never runs as a formula. */
class CsvCellsTests {

  @Test
  void csvExportGuardsFormulaLeadingCharacters() {
    assertThat(CsvCells.cell("=HYPERLINK(\"http://x.test\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x.test\"\")\"");
    assertThat(CsvCells.cell("+1+1")).isEqualTo("'+1+1");
    assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvCells.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
  }

  @Test
  void valuesWithLineBreaksOrSeparatorsStayOneCell() {
    // a formula on the second line of a value cannot start a row or cell of its own
    assertThat(CsvCells.cell("=1\n=2")).isEqualTo("\"'=1\n=2\"");
    assertThat(CsvCells.cell("note\n=cmd|' /C calc'!A0")).isEqualTo("\"note\n=cmd|' /C calc'!A0\"");
    assertThat(CsvCells.cell("a\rb")).isEqualTo("\"a\rb\"");
    assertThat(CsvCells.cell("x;=1+1")).isEqualTo("\"x;=1+1\"");
    assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.cell("plain text")).isEqualTo("plain text");
    assertThat(CsvCells.cell(null)).isEmpty();
  }
}
