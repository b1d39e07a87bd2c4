package io.carebook.clinical;

import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitLinks;
import io.carebook.patients.ChartPanel;
import io.carebook.patients.Patient.PatientId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where clinical records meet the other modules' pages: the encounter page from a visit on the
 * desk, and the history panel on the chart.
 */
@Component
class ClinicalLinks implements VisitLinks, ChartPanel {

  @Override
  public List<Link> of(Visit visit) {
    return switch (visit.state()) {
      case WITH_ASSISTANT, WITH_DOCTOR, DONE ->
          List.of(new Link("clinical.encounter.open", "/visits/" + visit.id() + "/encounter"));
      default -> List.of();
    };
  }

  @Override
  public String id() {
    return "history";
  }

  @Override
  public String href(PatientId patient) {
    return "/patients/" + patient.value() + "/history";
  }
}
