package io.carebook.tenancy;

import java.util.Map;

/**
 * One step of the first-steps checklist on a new clinic's dashboard (opening hours, the booking
 * link, staff, the first appointment). Modules later in the order contribute their steps, as with
 * {@link DashboardTile}, without tenancy depending on them. Each step ticks itself from the
 * clinic's data, never from a click.
 */
public interface OnboardingStep {

  /** Where the step stands in the list: lower first. */
  int order();

  /** The message key of the step's title. */
  String titleKey();

  /** Whether the clinic's data shows the step done, computed in the current tenant context. */
  boolean done();

  /**
   * The Thymeleaf fragment that renders the step's body, e.g. {@code "scheduling/onboarding ::
   * hours"}; it reads {@link #details()} as {@code step.details()}.
   */
  String fragment();

  /** What the fragment shows (a form's prefilled values, a link...), computed when asked. */
  default Map<String, Object> details() {
    return Map.of();
  }
}
