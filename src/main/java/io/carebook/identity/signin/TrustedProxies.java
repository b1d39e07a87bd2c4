package io.carebook.identity.signin;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Whose {@code X-Forwarded-For} is believed: only the proxies named in {@code
 * carebook.trusted-proxies} (addresses and IPv4 CIDR ranges, comma-separated; default none). Tomcat
 * would otherwise believe any client on a private or loopback network, and a client that names a
 * new address with every sign-in escapes the per-address limits and locks. Narrows the {@link
 * RemoteIpValve} that {@code server.forward-headers-strategy=native} installs; runs after Spring
 * Boot's own customizer.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final String internalProxies;

  TrustedProxies(@Value("${carebook.trusted-proxies:}") String proxies) {
    this.internalProxies = regex(proxies);
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.getEngineValves().stream()
        .filter(RemoteIpValve.class::isInstance)
        .map(RemoteIpValve.class::cast)
        .forEach(
            valve -> {
              valve.setInternalProxies(internalProxies); // empty: nobody's headers are believed
              valve.setTrustedProxies(null);
            });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The addresses as Tomcat's regular expression of remote addresses; empty for none. */
  static String regex(String proxies) {
    return Arrays.stream(proxies.split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(TrustedProxies::pattern)
        .collect(Collectors.joining("|"));
  }

  private static String pattern(String entry) {
    var slash = entry.indexOf('/');
    if (slash < 0) {
      return Pattern.quote(literal(entry).getHostAddress());
    }
    var network = literal(entry.substring(0, slash));
    var bits = Integer.parseInt(entry.substring(slash + 1));
    var octets = network.getAddress();
    if (octets.length != 4 || bits < 0 || bits > 32) {
      throw new IllegalArgumentException(
          "carebook.trusted-proxies: " + entry + " (ranges are IPv4 only; list IPv6 addresses)");
    }
    return IntStream.range(0, 4)
        .mapToObj(i -> octet(octets[i] & 0xff, Math.clamp(bits - 8L * i, 0, 8)))
        .collect(Collectors.joining("\\."));
  }

  /** An octet whose first {@code fixed} bits are those of {@code value}. */
  private static String octet(int value, int fixed) {
    if (fixed == 0) {
      return "\\d{1,3}";
    }
    var low = value & (0xff << (8 - fixed)) & 0xff;
    var high = low | (0xff >> fixed);
    return low == high
        ? Integer.toString(low)
        : IntStream.rangeClosed(low, high)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining("|", "(?:", ")"));
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.ofLiteral(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "carebook.trusted-proxies: " + address + " is not an IP address or range", e);
    }
  }
}
