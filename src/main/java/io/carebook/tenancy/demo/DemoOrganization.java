package io.carebook.tenancy.demo;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;

/**
 * The fixed ids of the invented demo organizations, shared by every module's demo loader. All
 * names, phones and e-mails in the demo are invented.
 */
public final class DemoOrganization {

  private DemoOrganization() {}

  /** A family-medicine group with two clinics in Cairo and Giza. */
  public static final TenantId NILE = TenantId.of("00000000-0000-4000-8000-00000000a001");

  public static final ClinicId NILE_DOKKI = ClinicId.of("00000000-0000-4000-8000-00000000c001");
  public static final ClinicId NILE_HELIOPOLIS =
      ClinicId.of("00000000-0000-4000-8000-00000000c002");

  /** An eye centre in Cairo, where one of Nile's receptionists works evenings. */
  public static final TenantId ZAMALEK = TenantId.of("00000000-0000-4000-8000-00000000a002");

  public static final ClinicId ZAMALEK_EYE = ClinicId.of("00000000-0000-4000-8000-00000000c003");

  /** A solo practice in Mexico City. */
  public static final TenantId SOL = TenantId.of("00000000-0000-4000-8000-00000000a003");

  public static final ClinicId SOL_ROMA = ClinicId.of("00000000-0000-4000-8000-00000000c004");

  /** The password of every demo account: the demo is invented and public. */
  public static final String DEMO_PASSWORD = "carebook-demo";
}
