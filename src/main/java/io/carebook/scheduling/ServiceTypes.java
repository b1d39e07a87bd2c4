package io.carebook.scheduling;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active clinic's service types: named sets of booking rules beside the clinic's default (the
 * type named ""). A type is named by a short label ("Follow-up"), which is also its key, so a name
 * cannot change once appointments carry it; a type is retired rather than deleted, so its past
 * appointments keep their rules, and it is offered no more.
 */
@Service
public class ServiceTypes {

  static final int MAX_NAME = 40;
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} ()&+/.'-]+");

  private final JdbcClient jdbc;
  private final Rules rules;
  private final Scheduling calendar;

  ServiceTypes(JdbcClient jdbc, Rules rules, Scheduling calendar) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.calendar = calendar;
  }

  /** A service type of the clinic and its rules. */
  public record ServiceType(String name, BookingRules rules, boolean retired) {}

  /** Every named type of the active clinic, retired ones included, by name. */
  @Transactional(readOnly = true)
  public List<ServiceType> all() {
    return names(false).stream()
        .map(
            n -> new ServiceType(n.name(), rules.of(TenantContext.clinic(), n.name()), n.retired()))
        .toList();
  }

  /**
   * The types patients and staff may book now (not retired), by name; empty if only the default.
   */
  @Transactional(readOnly = true)
  public List<BookingRules> offered() {
    return names(true).stream().map(n -> rules.of(TenantContext.clinic(), n.name())).toList();
  }

  /** Whether a type is offered now; "" (the default) always is. */
  @Transactional(readOnly = true)
  public boolean isOffered(String name) {
    return name.isEmpty() || names(true).stream().anyMatch(n -> n.name().equals(name));
  }

  /**
   * Adds a type under a new name (a retired type of that name comes back with these rules). 400
   * with field errors for a bad name or values out of range.
   */
  @Transactional
  public ServiceType add(String typedName, BookingRules newRules) {
    var name = normalized(typedName);
    if (names(true).stream().anyMatch(n -> n.name().equalsIgnoreCase(name))) {
      throw ProblemException.invalid("serviceType", "a service type of this name exists already");
    }
    calendar.setRules(withName(name, newRules));
    retired(name, false);
    return find(name);
  }

  /** Changes an existing type's rules (or the default's, for ""). */
  @Transactional
  public ServiceType update(String name, BookingRules newRules) {
    if (!name.isEmpty()) {
      find(name);
    }
    calendar.setRules(withName(name, newRules));
    return name.isEmpty() ? new ServiceType("", calendar.rules(""), false) : find(name);
  }

  /** Sets a type's rules: the default's for "", an existing type's, or a new type's (added). */
  @Transactional
  public BookingRules save(String name, BookingRules newRules) {
    var known = name.isEmpty() || names(false).stream().anyMatch(n -> n.name().equals(name));
    return (known ? update(name, newRules) : add(name, newRules)).rules();
  }

  /**
   * The version of a type's rules row ("" the default's), its ETag on /api/v1: bumped by every
   * change of its rules, price or retirement; 0 while the row does not exist.
   */
  @Transactional(readOnly = true)
  public int version(String name) {
    return jdbc.sql("select version from booking_rules where clinic_id = ? and service_type = ?")
        .params(TenantContext.clinic().value(), name)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /** {@link #save(String, BookingRules)} if the rules' version is still {@code expected}. */
  @Transactional
  public BookingRules save(String name, BookingRules newRules, @Nullable Integer expected) {
    expect(name, expected);
    return save(name, newRules);
  }

  /** {@link #setPrice(String, java.math.BigDecimal)} if the version is still {@code expected}. */
  @Transactional
  public void setPrice(
      String name, java.math.@Nullable BigDecimal price, @Nullable Integer expected) {
    expect(name, expected);
    setPrice(name, price);
  }

  /** 412 unless the type's row (locked until the change commits) is at {@code expected}. */
  private void expect(String name, @Nullable Integer expected) {
    if (expected == null) {
      return;
    }
    var current =
        jdbc.sql(
                "select version from booking_rules where clinic_id = ? and service_type = ?"
                    + " for update")
            .params(TenantContext.clinic().value(), name)
            .query(Integer.class)
            .optional()
            .orElse(0);
    io.carebook.shared.web.ETags.expect(expected, current);
  }

  /** Retires a type or brings it back; the default cannot be retired. */
  @Transactional
  public ServiceType retire(String name, boolean retire) {
    if (name.isEmpty()) {
      throw ProblemException.invalid("serviceType", "the default cannot be retired");
    }
    find(name);
    retired(name, retire);
    return find(name);
  }

  /**
   * The prices of the offered types that have one ("" the standard visit), in the clinic's
   * currency, for the public page.
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, java.math.BigDecimal> prices() {
    var prices = new java.util.LinkedHashMap<String, java.math.BigDecimal>();
    jdbc.sql(
            "select service_type, price from booking_rules where clinic_id = ?"
                + " and price is not null and not retired")
        .param(TenantContext.clinic().value())
        .query(
            (rs, n) -> {
              prices.put(rs.getString(1), rs.getBigDecimal(2));
              return null;
            })
        .list();
    return prices;
  }

  /**
   * Sets the price the public page shows for a type ("" the standard visit, whose rules must be
   * saved first); null removes it. 400 for a negative amount or more than 2 decimals.
   */
  @Transactional
  public void setPrice(String name, java.math.@Nullable BigDecimal price) {
    if (price != null && (price.signum() < 0 || price.scale() > 2)) {
      throw ProblemException.invalid("price", "must be a positive amount with at most 2 decimals");
    }
    if (!name.isEmpty()) {
      find(name);
    }
    var updated =
        jdbc.sql("update booking_rules set price = ? where clinic_id = ? and service_type = ?")
            .params(price, TenantContext.clinic().value(), name)
            .update();
    if (updated == 0) {
      throw new NotFoundException("Service type");
    }
  }

  /** A label trimmed and with single spaces; 400 unless 1 to 40 letters, digits and punctuation. */
  static String normalized(String typed) {
    var name = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    if (name.isEmpty() || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      throw ProblemException.invalid(
          "serviceType", "must be 1 to " + MAX_NAME + " letters, digits, spaces or - ( ) & + / .");
    }
    return name;
  }

  private ServiceType find(String name) {
    return all().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Service type"));
  }

  private record Name(String name, boolean retired) {}

  private List<Name> names(boolean offeredOnly) {
    return jdbc.sql(
            "select service_type, retired from booking_rules where clinic_id = ?"
                + " and service_type <> ''"
                + (offeredOnly ? " and not retired" : "")
                + " order by lower(service_type)")
        .param(TenantContext.clinic().value())
        .query((rs, n) -> new Name(rs.getString(1), rs.getBoolean(2)))
        .list();
  }

  private void retired(String name, boolean retired) {
    jdbc.sql("update booking_rules set retired = ? where clinic_id = ? and service_type = ?")
        .params(retired, TenantContext.clinic().value(), name)
        .update();
  }

  private static BookingRules withName(String name, BookingRules r) {
    return new BookingRules(
        name,
        r.duration(),
        r.bufferBefore(),
        r.bufferAfter(),
        r.minimumNotice(),
        r.horizon(),
        r.alignment(),
        r.dailyCap(),
        r.seats());
  }
}
