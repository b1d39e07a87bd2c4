package io.carebook.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit export's cells go through the one CSV guard. */
class AuditCsvTests {

  @Test
  void csvExportGuardsFormulaLeadingCharacters() {
    assertThat(AuditCsv.quote("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(AuditCsv.quote("\r@SUM(A1)")).isEqualTo("\"'\r@SUM(A1)\"");
    assertThat(AuditCsv.quote("=1\n=2")).isEqualTo("\"'=1\n=2\"");
  }
}
