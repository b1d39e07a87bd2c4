package io.carebook.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

  @Test
  void noProxiesByDefaultSoNoForwardedHeaderIsBelieved() {
    assertThat(TrustedProxies.regex("")).isEmpty();
    assertThat(TrustedProxies.regex(" , ")).isEmpty();
  }

  @Test
  void addressesAndIpv4RangesBecomeTomcatsPattern() {
    var trusted =
        Pattern.compile(TrustedProxies.regex("10.0.0.5, 192.168.0.0/20, ::1, 172.16.4.0/24"));
    assertThat(trusted.matcher("10.0.0.5").matches()).isTrue();
    assertThat(trusted.matcher("10.0.0.50").matches()).isFalse();
    assertThat(trusted.matcher("10.0.0.6").matches()).isFalse();
    assertThat(trusted.matcher("192.168.15.200").matches()).isTrue();
    assertThat(trusted.matcher("192.168.16.1").matches()).isFalse();
    assertThat(trusted.matcher("172.16.4.9").matches()).isTrue();
    assertThat(trusted.matcher("172.16.5.9").matches()).isFalse();
    assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
    assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
  }

  @Test
  void aNameOrAnIpv6RangeIsRefusedAtStartUp() {
    assertThatThrownBy(() -> TrustedProxies.regex("proxy.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carebook.trusted-proxies");
    assertThatThrownBy(() -> TrustedProxies.regex("fd00::/8"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
