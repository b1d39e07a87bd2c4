package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;

/** The fixed ids of the invented demo organizations, shared by every module's demo loader. */
public final class DemoOrganization {

  private DemoOrganization() {}

  /** A two-clinic group in Cairo and Giza. */
  public static final TenantId NILE = TenantId.of("00000000-0000-4000-8000-00000000a001");

  public static final ClinicId NILE_DOKKI = ClinicId.of("00000000-0000-4000-8000-00000000c001");
  public static final ClinicId NILE_HELIOPOLIS =
      ClinicId.of("00000000-0000-4000-8000-00000000c002");

  /** A solo practice in Mexico City, where one of Nile's receptionists also works evenings. */
  public static final TenantId SOL = TenantId.of("00000000-0000-4000-8000-00000000a002");

  public static final ClinicId SOL_ROMA = ClinicId.of("00000000-0000-4000-8000-00000000c003");
}
