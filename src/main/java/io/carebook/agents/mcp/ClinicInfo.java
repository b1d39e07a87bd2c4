package io.carebook.agents.mcp;

import static io.carebook.agents.mcp.ToolSpecs.object;
import static io.carebook.agents.mcp.ToolSpecs.oneOf;
import static io.carebook.agents.mcp.ToolSpecs.properties;

import io.carebook.agents.ClinicFaq;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** clinic_info: the clinic's name, address, phone, hours, services and prices, and its FAQ. */
@Component
class ClinicInfo implements ToolSpecs.Tools {

  private static final String DESCRIPTION =
      """
      Answers what a patient asks about the clinic itself: its name, address and phone, time \
      zone, the doctors with their weekly hours, the services with their length and price, and \
      the clinic's own FAQ (parking, payment, what to bring…). Call it first in a conversation, \
      and quote the FAQ's answers rather than guessing.
      Arguments: language (optional: en, es or ar, the FAQ's language; default the clinic's).
      Example: {"language": "es"}
      Returns {name, address, phone, timeZone, currency, doctors: [{doctorId, name, \
      weeklyHours: [{weekday, starts, ends}]}], serviceTypes: [{name, label, durationMinutes, \
      patientsPerSlot, price: {amount, currency}}], faqLanguage, faq: [{question, answer}]}. \
      Hours are clinic-local times; a serviceType's name is what service_type arguments take \
      ("" is the standard visit). Any key of the clinic may call it.""";

  private final AgentCalls calls;
  private final ClinicView.Reader views;
  private final ClinicFacts facts;
  private final ClinicFaq faq;

  ClinicInfo(AgentCalls calls, ClinicView.Reader views, ClinicFacts facts, ClinicFaq faq) {
    this.calls = calls;
    this.views = views;
    this.facts = facts;
    this.faq = faq;
  }

  @Override
  public List<SyncToolSpecification> tools() {
    return List.of(
        ToolSpecs.tool(
            "clinic_info",
            "About the clinic",
            DESCRIPTION,
            object(
                properties(
                    "language",
                    oneOf("The FAQ's language (default the clinic's).", "en", "es", "ar"))),
            ToolSpecs.Kind.READS,
            args -> calls.read(null, () -> info(args))));
  }

  private Map<String, Object> info(Arguments args) {
    var asked = args.text("language");
    if (asked != null && !ClinicFaq.LANGUAGES.contains(asked)) {
      args.invalid("language", "must be en, es or ar");
    }
    args.check();
    var view = views.current();
    var clinic = view.clinic();
    var own = clinic.locale().getLanguage();
    var language = asked != null ? asked : ClinicFaq.LANGUAGES.contains(own) ? own : "en";
    var info = new LinkedHashMap<String, Object>();
    info.put("name", clinic.name());
    info.put("address", clinic.address() == null ? "" : clinic.address());
    info.put("phone", clinic.phone() == null ? "" : clinic.phone());
    info.put("timeZone", clinic.timezone().getId());
    info.put("currency", clinic.currency());
    info.put("doctors", facts.doctors(view));
    info.put("serviceTypes", facts.serviceTypes(view));
    info.putAll(ClinicFaq.asAgentsRead(faq.all(), language));
    return info;
  }
}
