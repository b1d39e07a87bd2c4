package io.carebook.clinical.web;

import io.carebook.clinical.History;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.Ids;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HistoryApi {

  private final History history;
  private final Permissions permissions;

  HistoryApi(History history, Permissions permissions) {
    this.history = history;
    this.permissions = permissions;
  }

  @GetMapping("/api/v1/patients/{id}/history")
  @Operation(
      summary =
          "A patient's visits at every clinic of the organization, with notes and prescriptions,"
              + " newest first (CHART_READ)",
      description =
          "Without limit and cursor the newest 200 visits, as before lists took them; with"
              + " either, a page of ?limit= (50 unless given) read in the database after the"
              + " cursor's visit, through the whole history.",
      tags = "Encounters")
  CursorPage<History.Entry> history(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.CHART_READ);
    var patient = new PatientId(Ids.parse(id, "Patient"));
    if (CursorPage.askedWhole(limit, cursor)) {
      return CursorPage.whole(history.of(patient));
    }
    return history.page(patient, CursorPage.limitOrDefault(limit), Keyset.after(cursor));
  }
}
