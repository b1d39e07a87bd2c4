package io.carebook.patients.demo;

import io.carebook.patients.Allergy.Severity;
import io.carebook.patients.Chart.ConsentChannel;
import io.carebook.patients.Chart.ConsentKind;
import io.carebook.patients.Chart.IdentifierKind;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientSafety;
import io.carebook.patients.PatientSafety.AllergyInput;
import io.carebook.patients.PatientSafety.MedicationInput;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo organizations' charts (all invented): allergies of every severity, current medications,
 * a mother as her son's guardian, consents, tags, an encrypted national id. Runs once, on patients
 * the demo loader has just registered; a chart that already has allergies is left as it is.
 */
@Component
@ConditionalOnDemo
class DemoCharts {

  private final PatientSafety safety;
  private final PatientChart chart;

  DemoCharts(PatientSafety safety, PatientChart chart) {
    this.safety = safety;
    this.chart = chart;
  }

  /** Nile: Fatima (index 0), the Ahmed/Mona/Youssef household (1–3), Mahmoud (4)… */
  void nile(List<Patient> p) {
    var fatima = p.get(0);
    if (!safety.allergies(fatima.id()).isEmpty()) {
      return;
    }
    allergy(fatima, "Penicillin", "Hives and swelling of the lips", Severity.SEVERE);
    allergy(fatima, "Sulfonamides", "Rash", Severity.MODERATE);
    medication(fatima, "Levothyroxine", "50 mcg", "Once a day, before breakfast", "2019-03-01");
    chart.addIdentifier(fatima.id(), IdentifierKind.NATIONAL_ID, null, "28804120101234");
    chart.recordConsent(
        fatima.id(),
        ConsentKind.TREATMENT,
        true,
        LocalDate.now().minusDays(30),
        ConsentChannel.PAPER,
        null);
    chart.recordConsent(
        fatima.id(),
        ConsentKind.REMINDERS,
        true,
        LocalDate.now().minusDays(30),
        ConsentChannel.WHATSAPP,
        null);
    chart.tag(fatima.id(), "thyroid");
    var youssef = p.get(1);
    var mona = p.get(3);
    chart.addGuardian(youssef.id(), mona.id(), "أم");
    allergy(youssef, "Peanuts", "Wheezing", Severity.SEVERE);
    chart.tag(youssef.id(), "asthma");
    medication(youssef, "Salbutamol inhaler", "100 mcg", "When needed", "2023-01-15");
    var mahmoud = p.get(4);
    medication(mahmoud, "Metformin", "850 mg", "Twice a day", "2015-06-01");
    medication(mahmoud, "Amlodipine", "5 mg", "Once a day", "2018-09-10");
    allergy(mahmoud, "Aspirin", "Stomach pain", Severity.MILD);
    chart.tag(mahmoud.id(), "diabetic");
    chart.tag(mahmoud.id(), "hypertension");
    chart.addContact(mahmoud.id(), "عبد الرحمن محمود", "ابن", "0122 345 6790");
    chart.recordConsent(
        mahmoud.id(),
        ConsentKind.DATA_PROCESSING,
        false,
        LocalDate.now().minusDays(3),
        ConsentChannel.VERBAL,
        "Does not want his data shared with the insurer");
  }

  void zamalek(List<Patient> p) {
    var hala = p.get(0);
    if (!safety.allergies(hala.id()).isEmpty()) {
      return;
    }
    allergy(hala, "Atropine eye drops", "Flushing", Severity.MODERATE);
    medication(hala, "Latanoprost eye drops", "1 drop", "Every evening", "2021-11-01");
    chart.tag(hala.id(), "glaucoma");
    chart.recordConsent(
        hala.id(),
        ConsentKind.TREATMENT,
        true,
        LocalDate.now().minusDays(10),
        ConsentChannel.ELECTRONIC,
        null);
  }

  /** Sol: María José (0), José Luis and his daughter Sofía (1, 2)… */
  void sol(List<Patient> p) {
    var maria = p.get(0);
    if (!safety.allergies(maria.id()).isEmpty()) {
      return;
    }
    allergy(maria, "Ibuprofeno", "Urticaria", Severity.MODERATE);
    medication(maria, "Losartán", "50 mg", "Una vez al día", "2020-05-20");
    chart.tag(maria.id(), "hipertensión");
    var sofia = p.get(2);
    chart.addGuardian(sofia.id(), p.get(1).id(), "padre");
    allergy(sofia, "Látex", "Dermatitis", Severity.MILD);
    chart.recordConsent(
        sofia.id(),
        ConsentKind.TREATMENT,
        true,
        LocalDate.now().minusDays(60),
        ConsentChannel.PAPER,
        "Firmado por su padre");
    chart.tag(sofia.id(), "pediatría");
  }

  private void allergy(Patient p, String substance, String reaction, Severity severity) {
    safety.recordAllergy(p.id(), new AllergyInput(substance, reaction, severity, null));
  }

  private void medication(Patient p, String drug, String dose, String frequency, String since) {
    safety.recordMedication(
        p.id(), new MedicationInput(drug, dose, frequency, LocalDate.parse(since), null));
  }
}
