package io.carebook.patients.demo;

import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient;
import io.carebook.patients.Patient.Sex;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Invented patients for the demo organizations, households sharing a phone among them. */
@Component
@ConditionalOnDemo
@Order(200)
class DemoPatients implements DemoDataLoader {

  private final PatientDirectory directory;
  private final DemoCharts charts;
  private final TenantTransactions tenants;

  DemoPatients(PatientDirectory directory, DemoCharts charts, TenantTransactions tenants) {
    this.directory = directory;
    this.charts = charts;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    register(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, NILE, charts::nile);
    register(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE, ZAMALEK, charts::zamalek);
    register(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, SOL, charts::sol);
  }

  private void register(
      TenantId tenant,
      ClinicId clinic,
      List<NewPatient> patients,
      java.util.function.Consumer<List<Patient>> chart) {
    tenants.inClinic(
        tenant,
        clinic,
        () -> chart.accept(patients.stream().map(directory::findOrRegister).toList()));
  }

  private static NewPatient p(String name, String phone, String born, Sex sex) {
    return new NewPatient(name, phone, born.isEmpty() ? null : LocalDate.parse(born), sex);
  }

  private static final List<NewPatient> NILE =
      List.of(
          p("فاطمة الزهراء محمود", "0100 123 4567", "1988-04-12", Sex.FEMALE),
          p("يوسف أحمد علي", "0111 234 5678", "2016-09-03", Sex.MALE),
          p("أحمد علي حسن", "0111 234 5678", "1982-01-25", Sex.MALE),
          p("منى حسن إبراهيم", "0111 234 5678", "1985-07-30", Sex.FEMALE),
          p("محمود عبد الرحمن", "0122 345 6789", "1951-11-02", Sex.MALE),
          p("سارة خالد", "0155 456 7890", "1999-02-14", Sex.FEMALE),
          p("عمر مصطفى كامل", "0102 987 6543", "1975-06-21", Sex.MALE),
          p("نادية فؤاد", "0128 765 4321", "1960-12-09", Sex.FEMALE),
          p("كريم سامي", "0109 876 5432", "1993-03-17", Sex.MALE),
          p("هدى عبد الله", "0114 567 8901", "2001-08-08", Sex.FEMALE),
          p("إبراهيم السيد", "0127 654 3210", "1945-05-05", Sex.MALE),
          p("ليلى مراد", "0106 543 2109", "2019-10-30", Sex.FEMALE),
          p("Mariam Girgis", "0100 222 3344", "1990-09-19", Sex.FEMALE),
          p("Bishoy Girgis", "0100 222 3344", "2014-04-01", Sex.MALE),
          p("Tarek Nabil", "0112 333 4455", "1987-12-24", Sex.MALE),
          p("آمنة رشاد", "0155 111 2233", "1972-02-28", Sex.FEMALE),
          p("زياد وائل", "0103 444 5566", "2010-07-07", Sex.MALE),
          p("رحاب جمال", "0120 555 6677", "1996-01-11", Sex.FEMALE));

  private static final List<NewPatient> ZAMALEK =
      List.of(
          p("Hala Sabry", "0100 777 8899", "1968-03-03", Sex.FEMALE),
          p("شريف منير", "0111 888 9900", "1979-10-10", Sex.MALE),
          p("Dina Raouf", "0122 999 0011", "1984-05-15", Sex.FEMALE),
          p("عادل إمام", "0106 000 1122", "1940-05-17", Sex.MALE));

  private static final List<NewPatient> SOL =
      List.of(
          p("María José Núñez", "55 1234 5678", "1985-03-02", Sex.FEMALE),
          p("José Luis Hernández", "55 2345 6789", "1978-08-19", Sex.MALE),
          p("Sofía Hernández", "55 2345 6789", "2012-01-22", Sex.FEMALE),
          p("Guadalupe Martínez", "55 3456 7890", "1950-12-12", Sex.FEMALE),
          p("Diego Ramírez Ortega", "55 4567 8901", "1999-06-06", Sex.MALE),
          p("Ximena López", "55 5678 9012", "2003-09-29", Sex.FEMALE),
          p("Juan Pablo Cruz", "55 6789 0123", "1967-04-04", Sex.MALE),
          p("Valentina Torres", "", "2020-02-20", Sex.FEMALE));
}
