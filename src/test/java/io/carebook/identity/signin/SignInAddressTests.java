package io.carebook.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInAddressTests {

  @Test
  void anIpv4AddressCountsAsItself() {
    assertThat(SignInDefences.counted("203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void everyAddressOfAnIpv6SlashSixtyFourCountsAsOne() {
    var one = SignInDefences.counted("2001:db8:1:2:3:4:5:6");
    assertThat(SignInDefences.counted("2001:db8:1:2:ffff::1")).isEqualTo(one);
    assertThat(SignInDefences.counted("2001:db8:1:3::1")).isNotEqualTo(one);
    assertThat(one).endsWith("/64");
  }
}
