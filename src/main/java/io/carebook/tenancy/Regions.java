package io.carebook.tenancy;

import io.carebook.shared.ProblemException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The time zones and currency a clinic in a country most likely uses, so that sign-up and clinic
 * settings start from the right ones.
 *
 * <p>The JDK knows a country's currency ({@link Currency#getInstance(Locale)}) but not its zones,
 * and ICU4J is not a dependency; so the countries Carebook serves first carry a reviewed list of
 * their zones here, the usual one first. Any other ISO country is accepted too: its currency comes
 * from the JDK and its zone is chosen among all of {@link ZoneId#getAvailableZoneIds()}.
 */
public final class Regions {

  /** The countries offered first, each with its zones (the usual one first). */
  private static final Map<String, List<String>> SERVED = new LinkedHashMap<>();

  static {
    served("EG", "Africa/Cairo");
    served("SA", "Asia/Riyadh");
    served("AE", "Asia/Dubai");
    served("KW", "Asia/Kuwait");
    served("QA", "Asia/Qatar");
    served("BH", "Asia/Bahrain");
    served("OM", "Asia/Muscat");
    served("JO", "Asia/Amman");
    served("LB", "Asia/Beirut");
    served("IQ", "Asia/Baghdad");
    served("MA", "Africa/Casablanca");
    served("DZ", "Africa/Algiers");
    served("TN", "Africa/Tunis");
    served("IN", "Asia/Kolkata");
    served(
        "MX",
        "America/Mexico_City",
        "America/Cancun",
        "America/Merida",
        "America/Monterrey",
        "America/Matamoros",
        "America/Chihuahua",
        "America/Ciudad_Juarez",
        "America/Ojinaga",
        "America/Mazatlan",
        "America/Bahia_Banderas",
        "America/Hermosillo",
        "America/Tijuana");
    served("GT", "America/Guatemala");
    served("CR", "America/Costa_Rica");
    served("PA", "America/Panama");
    served("DO", "America/Santo_Domingo");
    served("CO", "America/Bogota");
    served("VE", "America/Caracas");
    served("EC", "America/Guayaquil", "Pacific/Galapagos");
    served("PE", "America/Lima");
    served("BO", "America/La_Paz");
    served(
        "BR",
        "America/Sao_Paulo",
        "America/Bahia",
        "America/Fortaleza",
        "America/Recife",
        "America/Belem",
        "America/Manaus",
        "America/Cuiaba",
        "America/Campo_Grande",
        "America/Porto_Velho",
        "America/Boa_Vista",
        "America/Rio_Branco",
        "America/Noronha");
    served("CL", "America/Santiago", "America/Punta_Arenas", "Pacific/Easter");
    served(
        "AR",
        "America/Argentina/Buenos_Aires",
        "America/Argentina/Cordoba",
        "America/Argentina/Mendoza",
        "America/Argentina/Salta",
        "America/Argentina/Jujuy",
        "America/Argentina/Tucuman",
        "America/Argentina/Catamarca",
        "America/Argentina/La_Rioja",
        "America/Argentina/San_Juan",
        "America/Argentina/San_Luis",
        "America/Argentina/Rio_Gallegos",
        "America/Argentina/Ushuaia");
    served("UY", "America/Montevideo");
    served("PY", "America/Asuncion");
    served("ES", "Europe/Madrid", "Atlantic/Canary", "Africa/Ceuta");
    served(
        "US",
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Anchorage",
        "Pacific/Honolulu",
        "America/Detroit",
        "America/Indiana/Indianapolis",
        "America/Kentucky/Louisville",
        "America/Boise",
        "America/Juneau",
        "America/Adak",
        "America/Puerto_Rico");
  }

  private Regions() {}

  private static void served(String country, String... zones) {
    for (var zone : zones) {
      ZoneId.of(zone); // fails at start-up on a typo or a zone the JDK dropped
    }
    SERVED.put(country, List.of(zones));
  }

  /** A country's zones (the usual one first) and currency, when the JDK knows one. */
  public record Region(
      String country, List<String> zones, @Nullable String currency, boolean served) {

    /**
     * The zone a clinic in this country gets unless someone chooses another; none for a country
     * outside the reviewed list, whose zone must be chosen.
     */
    public @Nullable String usualZone() {
      return served ? zones.getFirst() : null;
    }

    /** Whether the country has several zones to choose from. */
    public boolean severalZones() {
      return zones.size() > 1;
    }
  }

  /** The countries offered first, in the order of the list above. */
  public static List<String> servedCountries() {
    return List.copyOf(SERVED.keySet());
  }

  /** Whether {@code country} is an ISO 3166 two-letter code. */
  public static boolean knownCountry(@Nullable String country) {
    return country != null
        && Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(country);
  }

  /** The region of a known country; empty for an unknown code. */
  public static Optional<Region> of(@Nullable String country) {
    if (!knownCountry(country)) {
      return Optional.empty();
    }
    var zones = SERVED.get(country);
    if (zones == null) {
      zones = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    }
    return Optional.of(
        new Region(country, zones, currencyOf(country), SERVED.containsKey(country)));
  }

  /** The currency the JDK gives {@code country}, if any (none for Antarctica, say). */
  static @Nullable String currencyOf(String country) {
    try {
      var currency = Currency.getInstance(Locale.of("", country));
      return currency == null ? null : currency.getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code zone} is a time zone id the JDK knows. */
  public static boolean knownZone(@Nullable String zone) {
    return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
  }

  /** Whether {@code currency} is an ISO 4217 code the JDK knows. */
  public static boolean knownCurrency(@Nullable String currency) {
    if (currency == null) {
      return false;
    }
    try {
      Currency.getInstance(currency);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Zones grouped by their region prefix (Africa, America, Asia...) for a select's option groups;
   * {@code zones} as given when they all share one prefix.
   */
  public static Map<String, List<String>> grouped(List<String> zones) {
    var groups = new TreeMap<String, List<String>>();
    for (var zone : zones) {
      var slash = zone.indexOf('/');
      var group = slash < 0 ? "" : zone.substring(0, slash);
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(zone);
    }
    return groups;
  }

  /** The currencies to offer: the country's, {@code current} (if any), then USD and EUR. */
  public static List<String> currencyChoices(Region region, @Nullable String current) {
    var choices = new LinkedHashSet<String>();
    if (region.currency() != null) {
      choices.add(region.currency());
    }
    if (knownCurrency(current)) {
      choices.add(current);
    }
    choices.add("USD");
    choices.add("EUR");
    return List.copyOf(choices);
  }

  /** Where a clinic is, resolved: a known country, zone and currency. */
  public record Placement(String country, ZoneId zone, String currency) {}

  /**
   * The country, zone and currency a clinic gets: a zone or currency left out comes from the
   * country (its usual zone, its currency); one given must be a valid id or code, though it may
   * differ from the country's (a clinic may bill in dollars). Refuses with 400 and the fields at
   * fault.
   */
  public static Placement place(
      @Nullable String country, @Nullable String zone, @Nullable String currency) {
    var errors = new ArrayList<ProblemException.FieldError>();
    var region = of(country);
    if (region.isEmpty()) {
      errors.add(new ProblemException.FieldError("country", "is not a known country code"));
    }
    var chosenZone = blank(zone) ? region.map(Region::usualZone).orElse(null) : zone.trim();
    if (region.isPresent() && chosenZone == null) {
      errors.add(new ProblemException.FieldError("timezone", "is required for this country"));
    } else if (chosenZone != null && !knownZone(chosenZone)) {
      errors.add(
          new ProblemException.FieldError(
              "timezone", "is not a known time zone, e.g. Europe/Madrid"));
    }
    var chosenCurrency =
        blank(currency) ? region.map(Region::currency).orElse(null) : currency.trim();
    if (region.isPresent() && chosenCurrency == null) {
      errors.add(
          new ProblemException.FieldError("currency", "is required: the country has no currency"));
    } else if (chosenCurrency != null && !knownCurrency(chosenCurrency)) {
      errors.add(new ProblemException.FieldError("currency", "is not a known currency code"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
    return new Placement(country, ZoneId.of(chosenZone), chosenCurrency);
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * What a form offers for a clinic in {@code country}: its zones and currencies, with {@code zone}
   * and {@code currency} selected when given (and kept even when they are not the country's), the
   * country's usual ones otherwise. An unknown country offers Egypt's.
   */
  public record Choices(
      Region region, @Nullable String zone, @Nullable String currency, List<String> currencies) {}

  public static Choices choices(
      @Nullable String country, @Nullable String zone, @Nullable String currency) {
    var region = of(country).or(() -> of("EG")).orElseThrow();
    var chosenZone = blank(zone) ? region.usualZone() : zone;
    var chosenCurrency = blank(currency) ? region.currency() : currency;
    return new Choices(region, chosenZone, chosenCurrency, currencyChoices(region, chosenCurrency));
  }
}
