package io.carebook.patients;

import io.carebook.tenancy.DashboardTile;
import org.springframework.stereotype.Component;

@Component
class PatientsTile implements DashboardTile {

  private final PatientDirectory directory;

  PatientsTile(PatientDirectory directory) {
    this.directory = directory;
  }

  @Override
  public String labelKey() {
    return "patients.tile";
  }

  @Override
  public String value() {
    return Long.toString(directory.count());
  }

  @Override
  public String link() {
    return "/patients";
  }
}
