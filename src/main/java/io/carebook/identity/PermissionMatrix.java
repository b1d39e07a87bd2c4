package io.carebook.identity;

import static io.carebook.identity.Role.ASSISTANT;
import static io.carebook.identity.Role.BILLING;
import static io.carebook.identity.Role.DOCTOR;
import static io.carebook.identity.Role.MANAGER;
import static io.carebook.identity.Role.OWNER;
import static io.carebook.identity.Role.RECEPTIONIST;
import static io.carebook.identity.Role.REMOTE_ASSISTANT;
import static io.carebook.shared.VisitState.CANCELED;
import static io.carebook.shared.VisitState.DONE;
import static io.carebook.shared.VisitState.NONE;
import static io.carebook.shared.VisitState.NO_SHOW;
import static io.carebook.shared.VisitState.WAITING;
import static io.carebook.shared.VisitState.WITH_ASSISTANT;
import static io.carebook.shared.VisitState.WITH_DOCTOR;
import static io.carebook.tenancy.Action.*;

import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one permission matrix of DESIGN.md §4: for each action, which roles may take it in which
 * visit state ({@code NONE} for actions tied to no visit). A member may take an action if any of
 * the roles they hold in the active clinic may. Used by the API, the pages and the tests.
 */
public final class PermissionMatrix {

  private static final Set<VisitState> ANY = EnumSet.allOf(VisitState.class);
  private static final Set<VisitState> BEFORE_THE_VISIT = EnumSet.of(NONE, WAITING);
  private static final Set<VisitState> UNDER_WAY = EnumSet.of(WAITING, WITH_ASSISTANT, WITH_DOCTOR);

  private static final Map<Action, Map<VisitState, Set<Role>>> CELLS = new EnumMap<>(Action.class);

  static {
    // patients
    allow(PATIENT_VIEW, ANY, OWNER, MANAGER, DOCTOR, ASSISTANT, RECEPTIONIST, BILLING);
    allow(PATIENT_REGISTER, Set.of(NONE), OWNER, MANAGER, DOCTOR, ASSISTANT, RECEPTIONIST);
    allow(PATIENT_EDIT, ANY, OWNER, MANAGER, DOCTOR, ASSISTANT);
    allow(
        PATIENT_EDIT,
        BEFORE_THE_VISIT,
        RECEPTIONIST); // the desk corrects details before the visit starts
    allow(PATIENT_MERGE, Set.of(NONE), OWNER, MANAGER);
    allow(PATIENT_IMPORT, Set.of(NONE), OWNER, MANAGER);
    // allergies and current medications: clinical facts, kept by the clinical staff
    allow(SAFETY_RECORD, ANY, DOCTOR, ASSISTANT);
    // the visit, forward only
    allow(CHECK_IN, Set.of(NONE), OWNER, MANAGER, RECEPTIONIST, ASSISTANT);
    allow(VISIT_START_ASSISTANT, Set.of(WAITING), OWNER, MANAGER, ASSISTANT, DOCTOR);
    allow(
        VISIT_START_DOCTOR, EnumSet.of(WAITING, WITH_ASSISTANT), OWNER, MANAGER, DOCTOR, ASSISTANT);
    allow(VISIT_COMPLETE, Set.of(WITH_DOCTOR), OWNER, DOCTOR);
    allow(VISIT_CANCEL, UNDER_WAY, OWNER, MANAGER, RECEPTIONIST);
    allow(VISIT_MARK_NO_SHOW, Set.of(WAITING), OWNER, MANAGER, RECEPTIONIST, ASSISTANT);
    // clinical records: drafted and signed during the consultation, addenda after
    allow(VITALS_RECORD, EnumSet.of(WITH_ASSISTANT, WITH_DOCTOR), DOCTOR, ASSISTANT);
    allow(NOTE_DRAFT, Set.of(WITH_DOCTOR), DOCTOR);
    allow(NOTE_SIGN, Set.of(WITH_DOCTOR), DOCTOR);
    allow(NOTE_ADDENDUM, EnumSet.of(WITH_DOCTOR, DONE), DOCTOR);
    allow(PRESCRIPTION_DRAFT, Set.of(WITH_DOCTOR), DOCTOR);
    allow(PRESCRIPTION_FINALIZE, Set.of(WITH_DOCTOR), DOCTOR);
    allow(PRESCRIPTION_ADDENDUM, EnumSet.of(WITH_DOCTOR, DONE), DOCTOR);
    // money: invoices after the visit is done
    allow(INVOICE_ISSUE, EnumSet.of(NONE, DONE), OWNER, MANAGER, BILLING, RECEPTIONIST);
    allow(INVOICE_VOID, EnumSet.of(NONE, DONE), OWNER, MANAGER, BILLING);
    allow(PAYMENT_RECORD, EnumSet.of(NONE, DONE), OWNER, MANAGER, BILLING, RECEPTIONIST);
    allow(REFUND, EnumSet.of(NONE, DONE, CANCELED, NO_SHOW), OWNER, MANAGER, BILLING);
    // the calendar
    allow(SCHEDULE_EDIT, Set.of(NONE), OWNER, MANAGER);
    allow(BOOKING, Set.of(NONE), OWNER, MANAGER, RECEPTIONIST, DOCTOR, ASSISTANT);
    // running the clinic
    allow(REPORTS_VIEW, Set.of(NONE), OWNER, MANAGER, BILLING);
    allow(STAFF_MANAGE, Set.of(NONE), OWNER, MANAGER);
    allow(SETTINGS_MANAGE, Set.of(NONE), OWNER, MANAGER);
    allow(SUBSCRIPTION_MANAGE, Set.of(NONE), OWNER);
    allow(CLINIC_OPEN, Set.of(NONE), OWNER);
    allow(AUDIT_VIEW, Set.of(NONE), OWNER, MANAGER);
    // the chart, apart from the patient's details: an API key reads it only if granted this scope
    allow(CHART_READ, ANY, OWNER, MANAGER, DOCTOR, ASSISTANT, RECEPTIONIST, BILLING);
    // issue 15: the clinic's messages are read by owners and managers only
    allow(VIEW_MESSAGES, Set.of(NONE), OWNER, MANAGER);
    // issue 20 (hooks): webhook endpoints and the developer page are the owners'
    allow(WEBHOOKS_MANAGE, Set.of(NONE), OWNER);
    // issue 19 (wainbox): the staff inbox; a remote assistant answers and books from afar: the
    // inbox and the calendar (BOOKING opens it), no patient list, chart, desk or billing
    allow(INBOX, Set.of(NONE), OWNER, MANAGER, RECEPTIONIST, REMOTE_ASSISTANT);
    allow(PATIENT_REGISTER, Set.of(NONE), REMOTE_ASSISTANT);
    allow(BOOKING, Set.of(NONE), REMOTE_ASSISTANT);
  }

  private PermissionMatrix() {}

  /** Whether {@code role} alone may take {@code action} in {@code state}. */
  public static boolean allows(Role role, Action action, VisitState state) {
    return CELLS.getOrDefault(action, Map.of()).getOrDefault(state, Set.of()).contains(role);
  }

  /** The union over a member's roles. */
  public static boolean allows(Collection<Role> roles, Action action, VisitState state) {
    return roles.stream().anyMatch(role -> allows(role, action, state));
  }

  private static void allow(Action action, Set<VisitState> states, Role... roles) {
    var byState = CELLS.computeIfAbsent(action, a -> new EnumMap<>(VisitState.class));
    for (var state : states) {
      byState.computeIfAbsent(state, s -> EnumSet.noneOf(Role.class)).addAll(Set.of(roles));
    }
  }
}
