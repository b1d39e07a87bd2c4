package io.carebook.shared;

/**
 * Where a patient's visit stands today. {@code NONE} stands for actions tied to no visit (reports,
 * staff, settings, schedules), so that one permission matrix covers everything.
 */
public enum VisitState {
  NONE,
  WAITING,
  WITH_ASSISTANT,
  WITH_DOCTOR,
  DONE,
  CANCELED,
  NO_SHOW
}
