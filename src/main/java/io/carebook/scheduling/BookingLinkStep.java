package io.carebook.scheduling;

import io.carebook.tenancy.OnboardingStep;
import io.carebook.tenancy.Organizations;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Second step: the clinic's public booking link, to copy or print as a QR code for the waiting
 * room. It works from the sign-up on, but offers times only once a doctor has hours: the step is
 * done then, when the link leads patients to a time they can book.
 */
@Component
class BookingLinkStep implements OnboardingStep {

  private final Organizations organizations;
  private final HoursStep hours;
  private final String baseUrl;

  BookingLinkStep(
      Organizations organizations,
      HoursStep hours,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.organizations = organizations;
    this.hours = hours;
    this.baseUrl = baseUrl;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String titleKey() {
    return "scheduling.onboarding.bookingLink";
  }

  @Override
  public boolean done() {
    return hours.done();
  }

  @Override
  public String fragment() {
    return "scheduling/onboarding :: booking-link";
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("link", baseUrl + "/book/" + organizations.activeClinic().slug());
  }
}
