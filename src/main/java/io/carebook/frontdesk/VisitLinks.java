package io.carebook.frontdesk;

import java.util.List;

/**
 * Links that modules later in the order add to a visit on the desk page (the doctor's encounter
 * page, say), without the front desk depending on them.
 */
public interface VisitLinks {

  /** The links the current member may follow from {@code visit}; empty for none. */
  List<Link> of(Visit visit);

  /** A message key for the label and where the link leads. */
  record Link(String labelKey, String href) {}
}
