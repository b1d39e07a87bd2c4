package io.carebook.agents.mcp;

import io.carebook.scheduling.BookingRules;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.ServiceTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an agent may tell anyone about the clinic: its doctors with their weekly hours, and the
 * service types with their length and price (as the public booking page shows them). Shared by
 * clinic_info and the clinic's resources.
 */
@Component
class ClinicFacts {

  private final Scheduling calendar;
  private final ServiceTypes serviceTypes;

  ClinicFacts(Scheduling calendar, ServiceTypes serviceTypes) {
    this.calendar = calendar;
    this.serviceTypes = serviceTypes;
  }

  /** The doctors of the clinic, each with their weekly hours in clinic time. */
  List<Map<String, Object>> doctors(ClinicView view) {
    var doctors = new ArrayList<Map<String, Object>>();
    view.doctors()
        .forEach(
            (id, name) -> {
              var doctor = new LinkedHashMap<String, Object>();
              doctor.put("doctorId", id.value().toString());
              doctor.put("name", name);
              doctor.put(
                  "weeklyHours",
                  calendar.weeklyHours(id).stream()
                      .map(
                          h ->
                              Map.<String, Object>of(
                                  "weekday",
                                  h.day().name(),
                                  "starts",
                                  h.starts().toString(),
                                  "ends",
                                  h.ends().toString()))
                      .toList());
              doctors.add(doctor);
            });
    return doctors;
  }

  /**
   * The standard visit (name "") and every service type offered now, with its length in minutes and
   * its price where the clinic set one.
   */
  List<Map<String, Object>> serviceTypes(ClinicView view) {
    var prices = serviceTypes.prices();
    var types = new ArrayList<Map<String, Object>>();
    types.add(type(calendar.rules(""), "Standard visit", prices.get(""), view));
    for (var type : serviceTypes.all()) {
      if (!type.retired()) {
        types.add(type(type.rules(), type.name(), prices.get(type.name()), view));
      }
    }
    return types;
  }

  private static Map<String, Object> type(
      BookingRules rules, String label, @Nullable BigDecimal price, ClinicView view) {
    var type = new LinkedHashMap<String, Object>();
    type.put("name", rules.serviceType());
    type.put("label", label);
    type.put("durationMinutes", rules.duration().toMinutes());
    type.put("patientsPerSlot", rules.seats());
    if (price != null) {
      type.put(
          "price", Map.of("amount", price.toPlainString(), "currency", view.clinic().currency()));
    }
    return type;
  }
}
