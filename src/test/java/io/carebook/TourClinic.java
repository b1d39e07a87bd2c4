package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.scheduling.OnlineBooking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/** A clinic with a patient seen today (encounter, invoice) and one who booked online. */
record TourClinic(
    TestOrganizations.Owner owner,
    String slug,
    String chart,
    String encounter,
    String invoice,
    String manage,
    String doctor,
    String verify,
    String conversation) {

  private static final Pattern CODE = Pattern.compile("(\\d{6}) ");

  /** The signed-out pages, by name. */
  Map<String, String> publicPages() {
    var pages = new LinkedHashMap<String, String>();
    pages.put("signin", "/signin");
    pages.put("signup", "/signup");
    pages.put("public-booking", "/book/" + slug);
    pages.put("manage", manage);
    return pages;
  }

  /** The staff's pages, by name. */
  Map<String, String> staffPages() {
    var pages = new LinkedHashMap<String, String>();
    pages.put("dashboard", "/");
    pages.put("calendar", "/calendar");
    pages.put("desk", "/desk");
    pages.put("patients", "/patients");
    pages.put("chart", chart);
    pages.put("encounter", encounter);
    pages.put("invoices", "/billing");
    pages.put("invoice", invoice);
    pages.put("outbox", "/outbox");
    pages.put("audit", "/audit");
    return pages;
  }

  /** Every signed-out page the tour visits, by name. */
  Map<String, String> allPublicPages() {
    var pages = publicPages();
    pages.put("password-reset", "/password-reset");
    pages.put("public-doctor", "/book/" + slug + "/doctors/" + doctor);
    pages.put("verify-prescription", verify);
    return pages;
  }

  /** Every staff page the tour visits, by name. */
  Map<String, String> allStaffPages() {
    var pages = staffPages();
    pages.put("calendar-week", "/calendar/week");
    pages.put("hours", "/calendar/hours");
    pages.put("waitlist", "/calendar/waitlist");
    pages.put("doctor-day", "/desk/doctor");
    pages.put("tv-settings", "/desk/tv/settings");
    pages.put("patient-new", "/patients/new");
    pages.put("patient-import", "/patients/imports");
    pages.put("services", "/billing/services");
    pages.put("cash", "/billing/cash");
    pages.put("subscription", "/billing/subscription");
    pages.put("reports", "/reports");
    pages.put("failed-messages", "/messages/failed");
    pages.put("message-settings", "/settings/messages");
    pages.put("audit-verify", "/audit/verify");
    pages.put("clinics", "/clinics");
    pages.put("clinic-settings", "/settings/clinic");
    pages.put("staff", "/staff");
    pages.put("permissions", "/permissions");
    pages.put("api-keys", "/settings/api-keys");
    pages.put("mfa", "/account/mfa");
    pages.put("sessions", "/account/sessions");
    pages.put("inbox", "/inbox");
    pages.put("inbox-conversation", "/inbox/" + conversation);
    return pages;
  }

  /** Opens the clinic through the API and the public booking page of a server on {@code port}. */
  static TourClinic arrange(
      int port, TestOrganizations organizations, OnlineBooking booking, Environment environment) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var patient =
        desk.post(
                "/api/v1/patients",
                Map.of(
                    "fullName",
                    "Fatima Hassan",
                    "phone",
                    "+20 100 123 4567",
                    "dateOfBirth",
                    "1988-02-11",
                    "sex",
                    "FEMALE"))
            .text("id");
    var visit = desk.post("/api/v1/visits", Map.of("patientId", patient, "doctorId", doctor));
    desk.post("/api/v1/visits/" + visit.text("id") + "/start-doctor", Map.of());
    var rx =
        "/api/v1/prescriptions/"
            + desk.post("/api/v1/visits/" + visit.text("id") + "/prescriptions", Map.of())
                .text("id");
    desk.post(
        rx + "/items",
        Map.of(
            "drug",
            "Paracetamol",
            "strength",
            "500 mg",
            "form",
            "tablet",
            "dose",
            "1 tablet",
            "frequency",
            "every 6 hours",
            "duration",
            "5 days",
            "route",
            "oral"));
    var verify = "/verify/rx/" + desk.post(rx + "/finalize", Map.of()).text("verificationCode");
    var bill = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    desk.post(
        "/api/v1/invoices/" + bill + "/lines",
        Map.of("description", "Consultation", "unitPrice", "1234.50"));
    desk.post("/api/v1/invoices/" + bill + "/issue", Map.of());
    var slug =
        OwnerDatabase.jdbc(environment)
            .sql("select slug from clinics where id = ?")
            .param(owner.clinic().value())
            .query(String.class)
            .single();
    return new TourClinic(
        owner,
        slug,
        "/patients/" + patient,
        "/visits/" + visit.text("id") + "/encounter",
        "/billing/invoices/" + bill,
        bookOnline(port, organizations, booking, owner, slug, doctor),
        doctor,
        verify,
        waitingConversation(environment, owner).toString());
  }

  /** A WhatsApp conversation that waits in the inbox: the patient asked for a person. */
  private static UUID waitingConversation(Environment environment, TestOrganizations.Owner owner) {
    var jdbc = OwnerDatabase.jdbc(environment);
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into conversations (tenant_id, id, clinic_id, channel, phone, locale, state,
              last_inbound_at, created_at, updated_at)
            values (?, ?, ?, 'WHATSAPP', '+201001234599', 'ar', 'WAITING', now(), now(), now())""")
        .params(owner.tenant().value(), id, owner.clinic().value())
        .update();
    for (var line :
        List.of(
            List.of("IN", "PATIENT", "هل الطبيب موجود يوم السبت؟"),
            List.of("OUT", "BOT", "سيرد عليك أحد الموظفين قريبًا."))) {
      jdbc.sql(
              """
              insert into conversation_messages (tenant_id, id, conversation_id, direction, author,
                body) values (?, ?, ?, ?, ?, ?)""")
          .params(
              owner.tenant().value(), UUID.randomUUID(), id, line.get(0), line.get(1), line.get(2))
          .update();
    }
    return id;
  }

  /** Books the first free time on the public page and returns the patient's manage page. */
  private static String bookOnline(
      int port,
      TestOrganizations organizations,
      OnlineBooking booking,
      TestOrganizations.Owner owner,
      String slug,
      String doctor) {
    var startsAt = booking.page(slug, "", 7).doctors().getFirst().slots().getFirst().startsAt();
    var phone =
        String.format(
            "+2011%02d%06d",
            ThreadLocalRandom.current().nextInt(100), ThreadLocalRandom.current().nextInt(1000000));
    var patient = WebSession.anonymous(port);
    var details = "/book/" + slug + "/details?doctorId=" + doctor + "&startsAt=" + startsAt;
    var requested =
        patient.post(
            details,
            "/book/" + slug + "/requests",
            "doctorId="
                + doctor
                + "&startsAt="
                + startsAt
                + "&fullName="
                + URLEncoder.encode("Salma Online", StandardCharsets.UTF_8)
                + "&phone="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8));
    var codePage = requested.uri().getPath();
    var code = organizations.linkToken(owner.tenant(), phone, CODE);
    var confirmed = patient.post(codePage, codePage, "code=" + code);
    assertThat(confirmed.uri().getPath()).startsWith("/book/manage/");
    return confirmed.uri().getPath();
  }
}
