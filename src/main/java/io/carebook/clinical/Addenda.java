package io.carebook.clinical;

import io.carebook.shared.ProblemException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one way an addendum is added, to a signed note or a finalized prescription: only once it is
 * closed (409 otherwise, the change belongs in the draft), with a body, signed as it is written.
 * The caller has found and locked the record through its own gate.
 */
@Component
class Addenda {

  /** What takes addenda: its table of addenda (SQL) and the problem while it is still a draft. */
  enum On {
    NOTE(
        "note_addenda",
        "note_id",
        "note-not-signed",
        "Addenda are for signed notes; change the draft instead."),
    PRESCRIPTION(
        "prescription_addenda",
        "prescription_id",
        "prescription-not-finalized",
        "Addenda are for finalized prescriptions; change the draft instead.");

    final String table;
    final String parent;
    private final String draftKind;
    private final String draftDetail;

    On(String table, String parent, String draftKind, String draftDetail) {
      this.table = table;
      this.parent = parent;
      this.draftKind = draftKind;
      this.draftDetail = draftDetail;
    }
  }

  private final EncounterRows rows;

  Addenda(EncounterRows rows) {
    this.rows = rows;
  }

  /** Adds {@code body} to the record {@code id}, which must be {@code closed}. */
  void add(On on, UUID id, boolean closed, @Nullable String body) {
    if (!closed) {
      throw new ProblemException(HttpStatus.CONFLICT, on.draftKind, on.draftDetail);
    }
    var text = Charting.required("body", body, Charting.TEXT_MAX);
    rows.insertAddendum(on, id, text, VisitGate.actor());
  }
}
