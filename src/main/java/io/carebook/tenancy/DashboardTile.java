package io.carebook.tenancy;

/**
 * A module's figure on the clinic dashboard (patients registered, today's queue...). Modules later
 * in the order contribute tiles without tenancy depending on them.
 */
public interface DashboardTile {

  /** The message key of the tile's label. */
  String labelKey();

  /** The figure, computed in the current tenant context. */
  String value();

  /** Where a click on the tile leads. */
  String link();
}
