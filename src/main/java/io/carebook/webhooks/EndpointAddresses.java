package io.carebook.webhooks;

import io.carebook.shared.ProblemException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where an endpoint may point. In production: an {@code https} address whose host resolves only to
 * public addresses, so that nobody makes Carebook call into its own network (SSRF: loopback,
 * private ranges, link-local and cloud metadata, carrier-grade NAT, unique-local IPv6). Checked
 * when an endpoint is saved and again before every attempt, since a name may resolve elsewhere
 * later.
 *
 * <p>On a developer's machine and in the tests ({@code carebook.dev=true}, or {@code
 * carebook.webhooks.allow-private-addresses=true}) plain {@code http} and private addresses are
 * allowed, so that a receiver on localhost (WireMock in the tests) can be registered.
 */
final class EndpointAddresses {

  private final boolean allowPrivate;

  EndpointAddresses(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** The address as given, or a field problem on {@code url} saying what is wrong with it. */
  URI check(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw invalid("is not a valid address");
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
      throw invalid("must start with https://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid("must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw invalid("must not have a #fragment");
    }
    if (!allowPrivate) {
      refusePrivate(uri.getHost());
    }
    return uri;
  }

  /** Whether a delivery may be sent to {@code uri} now (its host resolved again). */
  boolean sendable(URI uri) {
    try {
      check(uri.toString());
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  private void refusePrivate(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw invalid("names a host that does not resolve");
    }
    for (var address : addresses) {
      if (isPrivate(address)) {
        throw invalid("must be a public address, not a private, loopback or link-local one");
      }
    }
  }

  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    var bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      var first = bytes[0] & 0xff;
      var second = bytes[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved, broadcast
    }
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
    return false;
  }

  private static ProblemException invalid(String message) {
    return ProblemException.invalid("url", message);
  }
}
