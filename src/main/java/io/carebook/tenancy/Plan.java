package io.carebook.tenancy;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a clinic's subscription includes: how many doctors and staff, appointments a month, SMS and
 * WhatsApp messages a month (they cost per message; e-mail is not counted), and which features. A
 * limit of {@link Integer#MAX_VALUE} is no limit.
 */
public enum Plan {
  STARTER(2, 5, 600, 500, EnumSet.noneOf(Feature.class)),
  GROWTH(5, 15, 3000, 3000, EnumSet.of(Feature.WHATSAPP_BOOKING, Feature.REPORTS)),
  PRO(
      Integer.MAX_VALUE,
      Integer.MAX_VALUE,
      Integer.MAX_VALUE,
      Integer.MAX_VALUE,
      EnumSet.of(Feature.WHATSAPP_BOOKING, Feature.REPORTS, Feature.API_ACCESS));

  public enum Feature {
    WHATSAPP_BOOKING,
    REPORTS,
    API_ACCESS
  }

  private final int doctors;
  private final int staff;
  private final int appointmentsPerMonth;
  private final int messagesPerMonth;
  private final Set<Feature> features;

  Plan(
      int doctors,
      int staff,
      int appointmentsPerMonth,
      int messagesPerMonth,
      Set<Feature> features) {
    this.doctors = doctors;
    this.staff = staff;
    this.appointmentsPerMonth = appointmentsPerMonth;
    this.messagesPerMonth = messagesPerMonth;
    this.features = features;
  }

  public int doctors() {
    return doctors;
  }

  public int staff() {
    return staff;
  }

  public int appointmentsPerMonth() {
    return appointmentsPerMonth;
  }

  public int messagesPerMonth() {
    return messagesPerMonth;
  }

  public Set<Feature> features() {
    return features;
  }

  public boolean includes(Feature feature) {
    return features.contains(feature);
  }
}
