package io.carebook.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "short",
        "password123",
        "1234567890",
        "qwertyuiop",
        "iloveyou12",
        "monkey12345",
        "aaaaaaaaaaaa"
      })
  void shortCommonAndPatternedPasswordsAreRefused(String password) {
    assertThat(PasswordPolicy.tooWeak(password)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery",
        "a sturdy passphrase",
        "Contraseña de la clínica",
        "كلمة سر طويلة جدا"
      })
  void longPassphrasesPass(String password) {
    assertThat(PasswordPolicy.tooWeak(password)).isFalse();
  }
}
