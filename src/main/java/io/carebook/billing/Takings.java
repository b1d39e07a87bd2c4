package io.carebook.billing;

import io.carebook.billing.Invoice.Payment;
import io.carebook.identity.Staff;
import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the active clinic took: a read model of payments and issued invoices, apart from the
 * invoices' write side, for the reports and the day-end cash page. Days are the clinic's local
 * days.
 */
@Service
public class Takings {

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Staff staff;
  private final Organizations organizations;
  private final Permissions permissions;
  private final Clock clock;

  Takings(
      JdbcClient jdbc,
      Catalog catalog,
      Staff staff,
      Organizations organizations,
      Permissions permissions,
      Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.staff = staff;
    this.organizations = organizations;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** What was billed for one service over a period: how many, and how much. */
  public record ServiceTakings(String name, int quantity, Money total) {}

  /**
   * The day-end cash report of the active clinic: for each member who took money that clinic-local
   * day, per method, what they took, what they gave back and what they should hand over.
   */
  public record CashReport(LocalDate day, List<Cashier> cashiers, Money total) {}

  public record Cashier(@Nullable UUID memberId, String name, List<CashLine> lines, Money net) {}

  public record CashLine(
      Payment.Method method, Money taken, Money returned, Money net, int entries) {}

  /** Today in the active clinic's time zone. */
  @Transactional(readOnly = true)
  public LocalDate today() {
    return clock.instant().atZone(organizations.activeClinic().timezone()).toLocalDate();
  }

  /**
   * The active clinic's takings per clinic-local day from {@code from} to {@code to} inclusive:
   * money taken less money given back, every day present (zero when nothing), for reports.
   */
  @Transactional(readOnly = true)
  public SortedMap<LocalDate, Money> byDay(LocalDate from, LocalDate to) {
    permissions.require(Action.REPORTS_VIEW);
    var zone = organizations.activeClinic().timezone();
    var found = new TreeMap<LocalDate, Long>();
    jdbc.sql(
            """
            select cast(received_at at time zone ? as date) as day,
                   sum(case kind when 'PAYMENT' then amount_minor else -amount_minor end) as net
            from payments where clinic_id = ? and received_at >= ? and received_at < ?
            group by 1""")
        .params(zone.getId(), clinic().value(), start(from, zone), start(to.plusDays(1), zone))
        .query((rs, n) -> found.put(rs.getObject("day", LocalDate.class), rs.getLong("net")))
        .list();
    var days = new TreeMap<LocalDate, Money>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.put(day, new Money(found.getOrDefault(day, 0L), catalog.currency()));
    }
    return days;
  }

  /** What issued invoices of the period billed per service (or description), most first. */
  @Transactional(readOnly = true)
  public List<ServiceTakings> byService(LocalDate from, LocalDate to) {
    permissions.require(Action.REPORTS_VIEW);
    var zone = organizations.activeClinic().timezone();
    return jdbc.sql(
            """
            select coalesce(s.name, l.description) as name, i.currency,
                   sum(l.quantity) as quantity, sum(l.total_minor) as total
            from invoice_lines l
            join invoices i on i.tenant_id = l.tenant_id and i.id = l.invoice_id
            left join billable_services s on s.tenant_id = l.tenant_id and s.id = l.service_id
            where i.clinic_id = ? and i.status = 'ISSUED' and i.issued_at >= ? and i.issued_at < ?
            group by 1, 2 order by total desc limit ?""")
        .params(clinic().value(), start(from, zone), start(to.plusDays(1), zone), 8)
        .query(
            (rs, n) ->
                new ServiceTakings(
                    rs.getString("name"),
                    rs.getInt("quantity"),
                    new Money(rs.getLong("total"), Currency.getInstance(rs.getString("currency")))))
        .list();
  }

  /** The day-end cash report of a clinic-local day (PAYMENT_RECORD). */
  @Transactional(readOnly = true)
  public CashReport cash(LocalDate day) {
    permissions.require(Action.PAYMENT_RECORD);
    var zone = organizations.activeClinic().timezone();
    var byMember = new LinkedHashMap<@Nullable UUID, List<CashLine>>();
    cashRows(start(day, zone), start(day.plusDays(1), zone))
        .forEach(r -> byMember.computeIfAbsent(r.member(), m -> new ArrayList<>()).add(r.line()));
    var names = staffNames();
    var zero = Money.zero(catalog.currency());
    var cashiers = new ArrayList<Cashier>();
    var total = zero;
    for (var entry : byMember.entrySet()) {
      var net = entry.getValue().stream().map(CashLine::net).reduce(zero, Money::plus);
      total = total.plus(net);
      var member = entry.getKey();
      var name = member == null ? "" : names.getOrDefault(member, "");
      cashiers.add(new Cashier(member, name, entry.getValue(), net));
    }
    return new CashReport(day, cashiers, total);
  }

  private record CashRow(@Nullable UUID member, CashLine line) {}

  /** Money taken and given back at the clinic between two instants, per member and method. */
  private List<CashRow> cashRows(Timestamp from, Timestamp to) {
    return jdbc.sql(
            """
            select p.received_by, p.method, i.currency,
                   sum(case p.kind when 'PAYMENT' then p.amount_minor else 0 end) as taken,
                   sum(case p.kind when 'REFUND' then p.amount_minor else 0 end) as returned,
                   count(*) as entries
            from payments p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id
            where p.clinic_id = ? and p.received_at >= ? and p.received_at < ?
            group by p.received_by, p.method, i.currency
            order by p.received_by, p.method""")
        .params(clinic().value(), from, to)
        .query(
            (rs, n) -> {
              var currency = Currency.getInstance(rs.getString("currency"));
              var taken = new Money(rs.getLong("taken"), currency);
              var returned = new Money(rs.getLong("returned"), currency);
              return new CashRow(
                  rs.getObject("received_by", UUID.class),
                  new CashLine(
                      Payment.Method.valueOf(rs.getString("method")),
                      taken,
                      returned,
                      taken.minus(returned),
                      rs.getInt("entries")));
            })
        .list();
  }

  private Map<UUID, String> staffNames() {
    return staff.members().stream()
        .collect(Collectors.toMap(m -> m.userId().value(), m -> m.name(), (a, b) -> a));
  }

  private static ClinicId clinic() {
    return Catalog.clinic();
  }

  private static Timestamp start(LocalDate day, ZoneId zone) {
    return Timestamp.from(day.atStartOfDay(zone).toInstant());
  }
}
