package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every cell of the permission matrix against a table a clinic owner could read. A row lists an
 * action, the visit states it applies to (* for every state), and an x under each role that may
 * take it; every cell not listed is refused.
 */
class PermissionMatrixTests {

  private static final String SPECIFICATION =
      """
      action                 states                                   OWN MAN DOC AST REC BIL REM
      PATIENT_VIEW           *                                         x   x   x   x   x   x   .
      PATIENT_REGISTER       NONE                                      x   x   x   x   x   .   x
      PATIENT_EDIT           NONE,WAITING                              x   x   x   x   x   .   .
      PATIENT_EDIT           WITH_ASSISTANT,WITH_DOCTOR,DONE           x   x   x   x   .   .   .
      PATIENT_EDIT           CANCELED,NO_SHOW                          x   x   x   x   .   .   .
      PATIENT_MERGE          NONE                                      x   x   .   .   .   .   .
      PATIENT_IMPORT         NONE                                      x   x   .   .   .   .   .
      SAFETY_RECORD          *                                         .   .   x   x   .   .   .
      CHECK_IN               NONE                                      x   x   .   x   x   .   .
      VISIT_START_ASSISTANT  WAITING                                   x   x   x   x   .   .   .
      VISIT_START_DOCTOR     WAITING,WITH_ASSISTANT                    x   x   x   x   .   .   .
      VISIT_COMPLETE         WITH_DOCTOR                               x   .   x   .   .   .   .
      VISIT_CANCEL           WAITING,WITH_ASSISTANT,WITH_DOCTOR        x   x   .   .   x   .   .
      VISIT_MARK_NO_SHOW     WAITING                                   x   x   .   x   x   .   .
      VITALS_RECORD          WITH_ASSISTANT,WITH_DOCTOR                .   .   x   x   .   .   .
      NOTE_DRAFT             WITH_DOCTOR                               .   .   x   .   .   .   .
      NOTE_SIGN              WITH_DOCTOR                               .   .   x   .   .   .   .
      NOTE_ADDENDUM          WITH_DOCTOR,DONE                          .   .   x   .   .   .   .
      PRESCRIPTION_DRAFT     WITH_DOCTOR                               .   .   x   .   .   .   .
      PRESCRIPTION_FINALIZE  WITH_DOCTOR                               .   .   x   .   .   .   .
      PRESCRIPTION_ADDENDUM  WITH_DOCTOR,DONE                          .   .   x   .   .   .   .
      INVOICE_ISSUE          NONE,DONE                                 x   x   .   .   x   x   .
      INVOICE_VOID           NONE,DONE                                 x   x   .   .   .   x   .
      PAYMENT_RECORD         NONE,DONE                                 x   x   .   .   x   x   .
      REFUND                 NONE,DONE,CANCELED,NO_SHOW                x   x   .   .   .   x   .
      SCHEDULE_EDIT          NONE                                      x   x   .   .   .   .   .
      BOOKING                NONE                                      x   x   x   x   x   .   x
      REPORTS_VIEW           NONE                                      x   x   .   .   .   x   .
      STAFF_MANAGE           NONE                                      x   x   .   .   .   .   .
      SETTINGS_MANAGE        NONE                                      x   x   .   .   .   .   .
      SUBSCRIPTION_MANAGE    NONE                                      x   .   .   .   .   .   .
      CLINIC_OPEN            NONE                                      x   .   .   .   .   .   .
      AUDIT_VIEW             NONE                                      x   x   .   .   .   .   .
      CHART_READ             *                                         x   x   x   x   x   x   .
      VIEW_MESSAGES          NONE                                      x   x   .   .   .   .   .
      WEBHOOKS_MANAGE        NONE                                      x   .   .   .   .   .   .
      INBOX                  NONE                                      x   x   .   .   x   .   x
      """;

  private static final List<Role> COLUMNS =
      List.of(
          Role.OWNER,
          Role.MANAGER,
          Role.DOCTOR,
          Role.ASSISTANT,
          Role.RECEPTIONIST,
          Role.BILLING,
          Role.REMOTE_ASSISTANT);

  record Cell(Action action, VisitState state, Role role) {}

  @Test
  void everyCellMatchesTheSpecification() {
    var allowed = specifiedCells();
    var mismatches = new ArrayList<String>();
    for (var action : Action.values()) {
      for (var state : VisitState.values()) {
        for (var role : Role.values()) {
          var expected = allowed.contains(new Cell(action, state, role));
          if (PermissionMatrix.allows(role, action, state) != expected) {
            mismatches.add(action + " in " + state + " for " + role + ": expected " + expected);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyActionIsSpecified() {
    var specified = EnumSet.noneOf(Action.class);
    specifiedCells().forEach(c -> specified.add(c.action()));
    assertThat(specified).containsExactlyInAnyOrder(Action.values());
  }

  @Test
  void aMemberMayDoWhatAnyOfTheirRolesMay() {
    var ownerAndDoctor = EnumSet.of(Role.OWNER, Role.DOCTOR);
    assertThat(
            PermissionMatrix.allows(
                ownerAndDoctor, Action.PRESCRIPTION_FINALIZE, VisitState.WITH_DOCTOR))
        .isTrue();
    assertThat(PermissionMatrix.allows(ownerAndDoctor, Action.STAFF_MANAGE, VisitState.NONE))
        .isTrue();
    assertThat(
            PermissionMatrix.allows(
                EnumSet.of(Role.RECEPTIONIST), Action.PATIENT_EDIT, VisitState.WITH_DOCTOR))
        .isFalse();
    assertThat(
            PermissionMatrix.allows(
                EnumSet.noneOf(Role.class), Action.PATIENT_VIEW, VisitState.NONE))
        .isFalse();
  }

  private static Set<Cell> specifiedCells() {
    var cells = new HashSet<Cell>();
    SPECIFICATION
        .lines()
        .skip(1)
        .filter(l -> !l.isBlank())
        .forEach(
            line -> {
              var parts = line.trim().split("\\s+");
              var action = Action.valueOf(parts[0]);
              var states =
                  parts[1].equals("*")
                      ? EnumSet.allOf(VisitState.class)
                      : EnumSet.copyOf(
                          java.util.Arrays.stream(parts[1].split(","))
                              .map(VisitState::valueOf)
                              .toList());
              for (int column = 0; column < COLUMNS.size(); column++) {
                if (parts[2 + column].equals("x")) {
                  for (var state : states) {
                    cells.add(new Cell(action, state, COLUMNS.get(column)));
                  }
                }
              }
            });
    return cells;
  }
}
