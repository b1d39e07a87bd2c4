package io.carebook.patients.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import io.carebook.patients.Allergy;
import io.carebook.patients.Chart;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientSafety;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.DemoOrganization;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The demo organizations load with charts worth clicking through. */
@CarebookTest
class DemoChartsTests {

  @Autowired ApplicationContext context;
  @Autowired TenantTransactions tenants;
  @Autowired PatientDirectory directory;
  @Autowired PatientSafety safety;
  @Autowired PatientChart charts;

  @Test
  void theDemoHasAllergiesMedicationsAGuardianConsentsAndTags() {
    DemoBeans.loadOnce(context);
    var fatima =
        tenants.call(
            DemoOrganization.NILE,
            () -> directory.search("فاطمة الزهراء", 1, null).items().getFirst());
    assertThat(fatima.medicalRecordNumber()).isEqualTo("MRN-000001");
    var allergies = tenants.call(DemoOrganization.NILE, () -> safety.allergies(fatima.id()));
    assertThat(allergies).extracting(Allergy::substance).contains("Penicillin");
    var youssef =
        tenants.call(
            DemoOrganization.NILE, () -> directory.search("يوسف", 1, null).items().getFirst());
    var guardians =
        tenants.call(
            DemoOrganization.NILE, () -> new ChartEntriesProbe(charts).guardiansOf(youssef.id()));
    assertThat(guardians).extracting(Chart.Relation::otherName).containsExactly("منى حسن إبراهيم");
    var sofiaConsents =
        tenants.call(
            DemoOrganization.SOL,
            () -> {
              var sofia = directory.search("sofia", 1, null).items().getFirst();
              return new ChartEntriesProbe(charts).consentsOf(sofia.id());
            });
    assertThat(sofiaConsents).isNotEmpty();
    assertThat(
            tenants.call(
                DemoOrganization.NILE,
                () -> charts.findByIdentifier("28804120101234").getFirst().id()))
        .isEqualTo(fatima.id());
  }

  /** Reads a chart as the page does (logged), for the parts this test checks. */
  private record ChartEntriesProbe(PatientChart charts) {
    List<Chart.Relation> guardiansOf(Patient.PatientId id) {
      return charts.open(id).guardians();
    }

    List<Chart.Consent> consentsOf(Patient.PatientId id) {
      return charts.open(id).consents();
    }
  }
}
