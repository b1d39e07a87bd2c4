package io.carebook.scheduling.web;

import io.carebook.shared.web.QrCodes;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The clinic's public booking link as a QR code: the image (on the dashboard's checklist) and a
 * printable "Scan to book" poster with the clinic's name for the waiting room.
 */
@Controller
class BookingLinkPages {

  private final Organizations organizations;
  private final Permissions permissions;
  private final String baseUrl;

  BookingLinkPages(
      Organizations organizations,
      Permissions permissions,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.organizations = organizations;
    this.permissions = permissions;
    this.baseUrl = baseUrl;
  }

  private String link() {
    return baseUrl + "/book/" + organizations.activeClinic().slug();
  }

  @GetMapping("/calendar/booking-link")
  String poster(Model model) {
    permissions.require(Action.PATIENT_VIEW);
    var link = link();
    model.addAttribute("clinic", organizations.activeClinic());
    model.addAttribute("link", link);
    model.addAttribute("qr", QrCodes.svg(link, link));
    return "scheduling/booking-poster";
  }

  @GetMapping(value = "/calendar/booking-link/qr.svg", produces = "image/svg+xml")
  ResponseEntity<String> qr() {
    permissions.require(Action.PATIENT_VIEW);
    var link = link();
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.noCache())
        .body(QrCodes.svg(link, link));
  }
}
