package io.carebook.audit.web;

import io.carebook.audit.ActorDirectory;
import io.carebook.audit.AuditChain;
import io.carebook.audit.AuditCheckpoint;
import io.carebook.audit.AuditCheckpoints;
import io.carebook.audit.AuditEntries;
import io.carebook.audit.AuditEntry;
import io.carebook.audit.AuditQuery;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The audit explorer for owners and managers: who did what, to which record, and when. */
@Controller
class AuditPages {

  /** Entries on one page of the explorer; newer and older pages are a link away. */
  static final int PAGE = 50;

  static final int EXPORT_LIMIT = 100_000;
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AuditEntries entries;
  private final AuditChain chain;
  private final AuditCheckpoints checkpoints;
  private final ActorDirectory actors;
  private final Organizations organizations;
  private final Permissions permissions;

  AuditPages(
      AuditEntries entries,
      AuditChain chain,
      AuditCheckpoints checkpoints,
      ActorDirectory actors,
      Organizations organizations,
      Permissions permissions) {
    this.entries = entries;
    this.chain = chain;
    this.checkpoints = checkpoints;
    this.actors = actors;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  @GetMapping("/audit")
  String explore(
      @RequestParam(required = false) @Nullable UUID actor,
      @RequestParam(required = false) @Nullable UUID patient,
      @RequestParam(required = false) @Nullable String entityType,
      @RequestParam(required = false) @Nullable String entityId,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable Long before,
      @RequestParam(required = false) @Nullable Long after,
      Model model) {
    permissions.require(Action.AUDIT_VIEW);
    var query =
        new AuditQuery(
            actor, patient, entityType, entityId, action, from, to, after == null ? before : null);
    var zone = organizations.activeClinic().timezone();
    // one more than a page tells whether there is another page that way
    var page =
        after == null
            ? entries.find(query, zone, PAGE + 1)
            : entries.findNewer(query, after, zone, PAGE + 1);
    if (after != null && page.size() <= PAGE) { // back at the newest: the first page, full
      after = null;
      before = null;
      page = entries.find(query, zone, PAGE + 1);
    }
    List<AuditEntry> found;
    boolean hasOlder;
    boolean hasNewer;
    if (after == null) {
      found = page.stream().limit(PAGE).toList();
      hasOlder = page.size() > PAGE;
      hasNewer = before != null;
    } else {
      found = page.subList(Math.max(0, page.size() - PAGE), page.size());
      hasNewer = page.size() > PAGE;
      hasOlder = true;
    }
    var people = new HashSet<>(entries.actors());
    found.stream().map(AuditEntry::actorId).filter(java.util.Objects::nonNull).forEach(people::add);
    model.addAttribute("query", query);
    model.addAttribute("entries", found);
    model.addAttribute("names", actors.names(people));
    model.addAttribute("time", TIME.withZone(zone));
    model.addAttribute("older", hasOlder && !found.isEmpty() ? found.getLast().id() : null);
    model.addAttribute("newer", hasNewer && !found.isEmpty() ? found.getFirst().id() : null);
    return "audit/explorer";
  }

  @GetMapping(value = "/audit.csv")
  void export(
      @RequestParam(required = false) @Nullable UUID actor,
      @RequestParam(required = false) @Nullable UUID patient,
      @RequestParam(required = false) @Nullable String entityType,
      @RequestParam(required = false) @Nullable String entityId,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      HttpServletResponse response)
      throws IOException {
    permissions.require(Action.AUDIT_VIEW);
    var zone = organizations.activeClinic().timezone();
    var query = new AuditQuery(actor, patient, entityType, entityId, action, from, to, null);
    var found = entries.find(query, zone, EXPORT_LIMIT);
    var names =
        actors.names(
            found.stream()
                .map(AuditEntry::actorId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now(zone) + ".csv\"");
    try (var out = response.getWriter()) {
      out.write('\uFEFF'); // so that spreadsheet programs read UTF-8 (Arabic names)
      out.println(AuditCsv.HEADER);
      found.forEach(e -> out.println(AuditCsv.row(e, names, zone)));
    }
  }

  @GetMapping("/audit/verify")
  String verify(Model model) {
    permissions.require(Action.AUDIT_VIEW);
    return verifyPage(model);
  }

  /** A signed checkpoint of the chain as it is now, to keep outside Carebook. */
  @GetMapping("/audit/checkpoint")
  void checkpoint(HttpServletResponse response) throws IOException {
    permissions.require(Action.AUDIT_VIEW);
    var checkpoint = checkpoints.sign(TenantContext.tenant());
    response.setContentType("application/json; charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit-checkpoint-" + checkpoint.seq() + ".json\"");
    try (var out = response.getWriter()) {
      out.write(checkpoint.json());
    }
  }

  /** Verifies the chain against a checkpoint downloaded before. */
  @PostMapping("/audit/checkpoint")
  String verifyCheckpoint(@RequestParam("checkpoint") MultipartFile file, Model model)
      throws IOException {
    permissions.require(Action.AUDIT_VIEW);
    try {
      var checkpoint = AuditCheckpoint.parse(new String(file.getBytes(), StandardCharsets.UTF_8));
      model.addAttribute("checkpoint", checkpoint);
      model.addAttribute("verdict", checkpoints.verify(TenantContext.tenant(), checkpoint));
    } catch (IllegalArgumentException e) {
      model.addAttribute("notACheckpoint", true);
    }
    return verifyPage(model);
  }

  private String verifyPage(Model model) {
    var tenant = TenantContext.tenant();
    model.addAttribute("status", chain.status(tenant));
    model.addAttribute("broken", chain.firstBroken(tenant).orElse(null));
    model.addAttribute("retentionYears", organizations.auditRetentionYears());
    model.addAttribute("minimumYears", Organizations.MINIMUM_AUDIT_RETENTION_YEARS);
    return "audit/verify";
  }

  @PostMapping("/audit/retention")
  String keep(@RequestParam int years) {
    permissions.require(Action.AUDIT_VIEW);
    organizations.keepAuditFor(years);
    return "redirect:/audit/verify";
  }

  static String when(java.time.Instant instant, java.time.ZoneId zone) {
    return TIME.withZone(zone).format(instant);
  }
}
