package io.carebook.agents.mcp;

import static io.carebook.agents.mcp.ToolSpecs.SERVICE_TYPE;
import static io.carebook.agents.mcp.ToolSpecs.integer;
import static io.carebook.agents.mcp.ToolSpecs.object;
import static io.carebook.agents.mcp.ToolSpecs.properties;
import static io.carebook.agents.mcp.ToolSpecs.string;

import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.Slot;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** find_availability: the bookable times of a doctor, or of every doctor, for a service type. */
@Component
class FindAvailability implements ToolSpecs.Tools {

  private static final String DESCRIPTION =
      """
      Lists the times that can be booked now at this clinic, soonest first, each with a slotId \
      to pass to book_appointment, negotiate or move_appointment. Times follow the clinic's \
      booking rules (hours, notice, horizon, daily caps, seats), so every listed time is bookable \
      at the moment of the call.
      Arguments: doctor_id (optional: one doctor; omit for every doctor of the clinic), \
      service_type (optional: a service type's name; omit for the standard visit), from and to \
      (optional clinic-local dates, YYYY-MM-DD; from defaults to today, to to six days after \
      from; at most 62 days apart), limit (optional, 1-100, default 20).
      Example: {"doctor_id": "5f0c2b1e-…", "from": "2026-12-08", "to": "2026-12-09", "limit": 5}
      Returns {timeZone, from, to, serviceType, slots: [{slotId, doctorId, doctorName, startsAt, \
      endsAt, localDate, localTime, weekday, seatsLeft}], more}; more is true when further times \
      exist beyond limit. Needs the key's BOOKING permission.""";

  private final AgentCalls calls;
  private final Scheduling calendar;
  private final ClinicView.Reader views;
  private final Clock clock;

  FindAvailability(AgentCalls calls, Scheduling calendar, ClinicView.Reader views, Clock clock) {
    this.calls = calls;
    this.calendar = calendar;
    this.views = views;
    this.clock = clock;
  }

  @Override
  public List<SyncToolSpecification> tools() {
    return List.of(
        ToolSpecs.tool(
            "find_availability",
            "Find bookable times",
            DESCRIPTION,
            object(
                properties(
                    "doctor_id",
                    string("One doctor's id (from clinic_info or the doctors resource).", "uuid"),
                    "service_type",
                    SERVICE_TYPE,
                    "from",
                    string("First clinic-local day, YYYY-MM-DD (default today).", "date"),
                    "to",
                    string("Last clinic-local day, YYYY-MM-DD (default from + 6 days).", "date"),
                    "limit",
                    integer("How many times at most (default 20).", 1, 100))),
            ToolSpecs.Kind.READS,
            args -> calls.read(Action.BOOKING, () -> find(args))));
  }

  private Map<String, Object> find(Arguments args) {
    var view = views.current();
    var doctor = args.id("doctor_id");
    var serviceType = args.text("service_type");
    var from = args.date("from");
    var to = args.date("to");
    var limit = args.number("limit", 20, 1, 100);
    args.check();
    var type = serviceType == null ? "" : serviceType;
    var first = from == null ? LocalDate.now(clock.withZone(view.zone())) : from;
    var last = to == null ? first.plusDays(6) : to;
    var byDoctor =
        doctor == null
            ? calendar.clinicAvailability(type, first, last)
            : Map.of(
                new UserId(doctor), calendar.availability(new UserId(doctor), type, first, last));
    record Found(UserId doctor, Slot slot) {}
    var found = new ArrayList<Found>();
    byDoctor.forEach((d, slots) -> slots.forEach(s -> found.add(new Found(d, s))));
    found.sort(
        Comparator.comparing((Found f) -> f.slot().startsAt())
            .thenComparing(f -> f.doctor().value()));
    var result = new LinkedHashMap<String, Object>();
    result.put("timeZone", view.zone().getId());
    result.put("from", first.toString());
    result.put("to", last.toString());
    result.put("serviceType", type);
    result.put(
        "slots",
        found.stream()
            .limit(limit)
            .map(
                f ->
                    view.slot(
                        f.doctor(), f.slot().startsAt(), f.slot().endsAt(), f.slot().seatsLeft()))
            .toList());
    result.put("more", found.size() > limit);
    return result;
  }
}
