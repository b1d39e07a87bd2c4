package io.carebook.scheduling.web;

import io.carebook.scheduling.CalendarFeeds;
import io.carebook.shared.Ids;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Scheduling")
class CalendarFeedController {

  private final CalendarFeeds feeds;
  private final Permissions permissions;
  private final String baseUrl;

  CalendarFeedController(
      CalendarFeeds feeds,
      Permissions permissions,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.feeds = feeds;
    this.permissions = permissions;
    this.baseUrl = baseUrl;
  }

  @PostMapping("/api/v1/doctors/{doctorId}/calendar-feed")
  @Operation(
      summary = "A new private iCalendar link for a doctor's schedule at the active clinic",
      description =
          "For the doctor themself, or with SCHEDULE_EDIT. The previous link stops working.")
  Map<String, String> newLink(@PathVariable String doctorId) {
    var doctor = new UserId(Ids.parse(doctorId, "Doctor"));
    var self =
        TenantContext.current().map(TenantContext.Scope::user).map(doctor::equals).orElse(false);
    if (!self) {
      permissions.require(Action.SCHEDULE_EDIT);
    }
    return Map.of("url", baseUrl + feeds.newLink(doctor));
  }

  @GetMapping(value = "/calendar/feeds/{token}.ics", produces = "text/calendar")
  ResponseEntity<String> feed(@PathVariable String token) {
    var ics = feeds.feed(token, baseUrl).orElseThrow(() -> new NotFoundException("Feed"));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
        .header("Cache-Control", "private, max-age=300")
        .body(Objects.requireNonNull(ics));
  }
}
