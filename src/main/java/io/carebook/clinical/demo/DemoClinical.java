package io.carebook.clinical.demo;

import io.carebook.clinical.EncounterRows;
import io.carebook.clinical.Note;
import io.carebook.clinical.Prescription;
import io.carebook.clinical.PrescriptionRows;
import io.carebook.clinical.Vitals;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' morning, written up: each visit the front desk's demo has already seen gets
 * vitals, a signed note and a finalized prescription by its doctor. Runs after the front desk's
 * demo; a visit with an encounter is left as it is.
 */
@Component
@ConditionalOnDemo
@Order(700)
class DemoClinical implements DemoDataLoader {

  private final JdbcClient jdbc;
  private final EncounterRows encounters;
  private final PrescriptionRows prescriptions;
  private final TenantTransactions tenants;
  private final Clock clock;

  DemoClinical(
      JdbcClient jdbc,
      EncounterRows encounters,
      PrescriptionRows prescriptions,
      TenantTransactions tenants,
      Clock clock) {
    this.jdbc = jdbc;
    this.encounters = encounters;
    this.prescriptions = prescriptions;
    this.tenants = tenants;
    this.clock = clock;
  }

  private record Seen(UUID visit, UUID patient, @Nullable UUID doctor) {}

  @Override
  public void load() {
    writeUp(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, false);
    writeUp(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE, false);
    writeUp(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, true);
  }

  /** Writes up the clinic's finished visits that have no encounter; returns how many. */
  int writeUp(TenantId tenant, ClinicId clinic, boolean spanish) {
    return tenants.inClinic(
        tenant,
        clinic,
        () -> {
          var count = 0;
          for (var seen : finishedWithoutEncounter(clinic)) {
            writeUp(clinic, seen, count, spanish);
            count++;
          }
          return count;
        });
  }

  /** The demo reads the front desk's finished visits directly: it has no member to ask as. */
  private List<Seen> finishedWithoutEncounter(ClinicId clinic) {
    return jdbc.sql(
            """
            select v.id, v.patient_id, v.doctor_id from visits v
            where v.clinic_id = ? and v.state = 'DONE'
              and not exists (select 1 from encounters e where e.visit_id = v.id)
            order by v.created_at""")
        .param(clinic.value())
        .query(
            (rs, n) ->
                new Seen(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class)))
        .list();
  }

  private void writeUp(ClinicId clinic, Seen seen, int index, boolean spanish) {
    var encounter = encounters.open(clinic, seen.visit(), seen.patient(), seen.doctor());
    encounters.insertVitals(
        encounter.id(),
        new Vitals.Input(
            124 - index * 6,
            82 - index * 4,
            78,
            new BigDecimal(index == 0 ? "38.1" : "36.9"),
            16,
            98,
            new BigDecimal("72.5"),
            null),
        seen.doctor());
    var note = index == 0 ? fever(spanish) : hypertension(spanish);
    encounters.insertNote(encounter.id(), note, seen.doctor());
    var noteRow = encounters.note(encounter.id(), false).orElseThrow();
    var at = clock.instant();
    encounters.signNote(noteRow.id(), at, seen.doctor());
    var prescription = prescriptions.insert(encounter.id(), seen.doctor());
    for (var item : index == 0 ? feverItems(spanish) : hypertensionItems(spanish)) {
      prescriptions.insertItem(prescription, item, seen.doctor());
    }
    prescriptions.finalize(prescription, at, seen.doctor());
  }

  private static Note.Draft fever(boolean spanish) {
    return spanish
        ? new Note.Draft(
            "Dolor de garganta y fiebre desde hace dos días.",
            "Faringe eritematosa, amígdalas sin exudado. T 38,1 °C.",
            "Faringitis probablemente viral.",
            "Faringitis aguda",
            "J02.9",
            "Líquidos, paracetamol; volver si no mejora en 3 días.")
        : new Note.Draft(
            "Sore throat and fever for two days.",
            "Red pharynx, tonsils without exudate. T 38.1 °C.",
            "Probably viral pharyngitis.",
            "Acute pharyngitis",
            "J02.9",
            "Fluids, paracetamol; back if not better in 3 days.");
  }

  private static Note.Draft hypertension(boolean spanish) {
    return spanish
        ? new Note.Draft(
            "Control de presión arterial; sin síntomas.",
            "PA 118/78, sin edemas.",
            "Hipertensión esencial controlada.",
            "Hipertensión esencial",
            "I10",
            "Seguir con la medicación; control en 3 meses.")
        : new Note.Draft(
            "Blood pressure follow-up; no complaints.",
            "BP 118/78, no oedema.",
            "Essential hypertension, controlled.",
            "Essential hypertension",
            "I10",
            "Continue medication; review in 3 months.");
  }

  private static List<Prescription.NewItem> feverItems(boolean spanish) {
    return List.of(
        new Prescription.NewItem(
            "Paracetamol",
            "500 mg",
            spanish ? "comprimido" : "tablet",
            spanish ? "1 comprimido" : "1 tablet",
            spanish ? "cada 6 horas si hay fiebre" : "every 6 hours if fever",
            spanish ? "5 días" : "5 days",
            spanish ? "oral" : "oral",
            spanish ? "Máximo 4 al día." : "بحد أقصى 4 أقراص في اليوم"),
        new Prescription.NewItem(
            spanish ? "Pastillas para la garganta" : "Throat lozenges",
            null,
            null,
            "1",
            spanish ? "cada 3 horas" : "every 3 hours",
            spanish ? "5 días" : "5 days",
            spanish ? "bucal" : "oral",
            null));
  }

  private static List<Prescription.NewItem> hypertensionItems(boolean spanish) {
    return List.of(
        new Prescription.NewItem(
            "Amlodipine",
            "5 mg",
            spanish ? "comprimido" : "tablet",
            spanish ? "1 comprimido" : "1 tablet",
            spanish ? "una vez al día" : "once a day",
            spanish ? "3 meses" : "3 months",
            "oral",
            spanish ? "Por la mañana." : "صباحًا"));
  }
}
