package io.carebook.scheduling.demo;

import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.BookingRules;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.SlotTakenException;
import io.carebook.scheduling.Waitlist;
import io.carebook.scheduling.WeeklyHours;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoDataLoader;
import io.carebook.tenancy.demo.DemoOrganization;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo doctors' hours (Egypt's week runs Saturday to Thursday, Mexico's Monday to Friday) and
 * their next days, about half booked with the demo patients.
 */
@Component
@ConditionalOnDemo
@Order(300)
class DemoCalendar implements DemoDataLoader {

  private static final List<DayOfWeek> EGYPT =
      List.of(
          DayOfWeek.SATURDAY,
          DayOfWeek.SUNDAY,
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY);
  private static final List<DayOfWeek> MEXICO =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  private final Scheduling calendar;
  private final Waitlist waitlist;
  private final PatientDirectory patients;
  private final TenantTransactions tenants;
  private final Clock clock;

  DemoCalendar(
      Scheduling calendar,
      Waitlist waitlist,
      PatientDirectory patients,
      TenantTransactions tenants,
      Clock clock) {
    this.calendar = calendar;
    this.waitlist = waitlist;
    this.patients = patients;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public void load() {
    open(
        DemoOrganization.NILE,
        DemoOrganization.NILE_DOKKI,
        15,
        2,
        EGYPT,
        LocalTime.of(9, 0),
        LocalTime.of(13, 0),
        LocalTime.of(17, 0),
        LocalTime.of(21, 0));
    open(
        DemoOrganization.NILE,
        DemoOrganization.NILE_HELIOPOLIS,
        15,
        1,
        List.of(DayOfWeek.SATURDAY),
        LocalTime.of(10, 0),
        LocalTime.of(14, 0));
    open(
        DemoOrganization.ZAMALEK,
        DemoOrganization.ZAMALEK_EYE,
        20,
        1,
        EGYPT,
        LocalTime.of(12, 0),
        LocalTime.of(20, 0));
    open(
        DemoOrganization.SOL,
        DemoOrganization.SOL_ROMA,
        30,
        1,
        MEXICO,
        LocalTime.of(9, 0),
        LocalTime.of(14, 0),
        LocalTime.of(16, 0),
        LocalTime.of(19, 0));
  }

  /** Every doctor of the clinic works the given ranges on the given days; then half is booked. */
  private void open(
      TenantId tenant,
      ClinicId clinic,
      int minutes,
      int seats,
      List<DayOfWeek> days,
      LocalTime... ranges) {
    tenants.inClinic(
        tenant,
        clinic,
        () -> {
          calendar.setRules(
              new BookingRules(
                  "",
                  Duration.ofMinutes(minutes),
                  Duration.ZERO,
                  Duration.ZERO,
                  Duration.ofMinutes(30),
                  Duration.ofDays(60),
                  Duration.ofMinutes(minutes),
                  null,
                  seats));
          // a shorter service type beside the default, so a newcomer sees patients pick one
          calendar.setRules(
              new BookingRules(
                  tenant.equals(DemoOrganization.SOL) ? "Seguimiento" : "Follow-up",
                  Duration.ofMinutes(15),
                  Duration.ZERO,
                  Duration.ZERO,
                  Duration.ofMinutes(30),
                  Duration.ofDays(60),
                  Duration.ofMinutes(15),
                  null,
                  1));
          for (var doctor : calendar.doctors()) {
            var weekly = new ArrayList<WeeklyHours>();
            for (var day : days) {
              for (int i = 0; i + 1 < ranges.length; i += 2) {
                weekly.add(new WeeklyHours(day, ranges[i], ranges[i + 1]));
              }
            }
            calendar.setWeeklyHours(doctor.userId(), weekly);
          }
        });
    bookHalf(tenant, clinic);
  }

  /** Books about half the free slots, each booking in a transaction of its own. */
  private void bookHalf(TenantId tenant, ClinicId clinic) {
    var random = new Random(tenant.value().getLeastSignificantBits());
    var people = tenants.inClinic(tenant, clinic, () -> patients.search("", 100, null).items());
    if (people.isEmpty()) {
      return;
    }
    var doctors = tenants.inClinic(tenant, clinic, () -> calendar.doctors());
    var today = LocalDate.now(clock);
    for (var doctor : doctors) {
      var slots =
          tenants.inClinic(
              tenant,
              clinic,
              () -> calendar.availability(doctor.userId(), "", today, today.plusDays(3)));
      for (var slot : slots) {
        if (random.nextInt(2) == 0) {
          continue;
        }
        var patient = people.get(random.nextInt(people.size())).id().value();
        try {
          tenants.inClinic(
              tenant,
              clinic,
              () -> {
                calendar.book(
                    new NewAppointment(
                        doctor.userId(), slot.startsAt(), "", patient, null, "STAFF"));
              });
        } catch (SlotTakenException taken) {
          // the doctor works at another clinic at that time: fine, the demo goes on
        }
      }
    }
    // two patients wait for the first doctor's time tomorrow
    var from = clock.instant().plus(Duration.ofDays(1));
    for (int i = 0; i < Math.min(2, people.size()) && !doctors.isEmpty(); i++) {
      var patient = people.get(people.size() - 1 - i).id().value();
      tenants.inClinic(
          tenant,
          clinic,
          () -> {
            waitlist.join(
                doctors.getFirst().userId(), patient, null, from, from.plus(Duration.ofHours(6)));
          });
    }
  }
}
