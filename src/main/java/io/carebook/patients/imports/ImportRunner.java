package io.carebook.patients.imports;

import io.carebook.patients.DuplicatePatientException;
import io.carebook.patients.ImportDuplicateRule;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.imports.PatientImports.Outcome;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the rows of a list one transaction each, as the member who started it (so the audit trail
 * names them), skipping rows an earlier run already recorded: a run cut short by a restart
 * continues where it stopped when started again. Progress is written every few rows.
 */
@Component
class ImportRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
  private static final int PROGRESS_EVERY = 20;

  private final ImportRows rows;
  private final PatientDirectory directory;
  private final TaskExecutor executor;
  private final TransactionTemplate transaction;
  private final ImportDuplicateRule duplicates;

  ImportRunner(
      ImportRows rows,
      PatientDirectory directory,
      ImportDuplicateRule duplicates,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor,
      PlatformTransactionManager transactions) {
    this.rows = rows;
    this.directory = directory;
    this.duplicates = duplicates;
    this.executor = executor;
    this.transaction = new TransactionTemplate(transactions);
  }

  <T> T inTransaction(Supplier<T> work) {
    return transaction.execute(s -> work.get());
  }

  boolean claim(UUID id) {
    return Boolean.TRUE.equals(transaction.execute(s -> rows.start(id)));
  }

  void runInBackground(UUID id, List<PatientList.Row> list) {
    var scope = TenantContext.current().orElseThrow();
    executor.execute(() -> TenantContext.run(scope, () -> run(id, list)));
  }

  private void run(UUID id, List<PatientList.Row> list) {
    try {
      var done = inTransaction(() -> rows.done(id));
      var count = 0;
      for (var row : list) {
        if (!done.contains(row.number())) {
          importRow(id, row);
        }
        if (++count % PROGRESS_EVERY == 0) {
          transaction.executeWithoutResult(s -> rows.progress(id));
        }
      }
      transaction.executeWithoutResult(s -> rows.finish(id, PatientImport.Status.DONE));
    } catch (RuntimeException e) {
      log.error("Import {} failed", id, e);
      transaction.executeWithoutResult(s -> rows.finish(id, PatientImport.Status.FAILED));
    }
  }

  private void importRow(UUID id, PatientList.Row row) {
    if (!row.valid()) {
      transaction.executeWithoutResult(
          s ->
              rows.outcome(
                  id, row.number(), Outcome.INVALID, null, String.join("; ", row.errors())));
      return;
    }
    try {
      transaction.executeWithoutResult(
          s -> {
            var duplicate = duplicates.duplicateOf(row.patient());
            if (duplicate != null) {
              rows.outcome(id, row.number(), Outcome.DUPLICATE, duplicate, null);
            } else {
              var patient = directory.registerId(row.patient());
              rows.outcome(id, row.number(), Outcome.IMPORTED, patient, null);
            }
          });
    } catch (DuplicatePatientException e) {
      transaction.executeWithoutResult(
          s -> rows.outcome(id, row.number(), Outcome.DUPLICATE, e.existing(), null));
    } catch (RuntimeException e) {
      transaction.executeWithoutResult(
          s -> rows.outcome(id, row.number(), Outcome.FAILED, null, e.getMessage()));
    }
  }
}
