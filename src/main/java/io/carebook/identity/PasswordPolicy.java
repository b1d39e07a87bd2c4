package io.carebook.identity;

import java.util.Locale;
import java.util.Set;

/**
 * The minimum a password must meet: at least 10 characters and not one of the passwords every
 * breach list starts with. (The identity issue grows this into a full breached-password check.)
 */
final class PasswordPolicy {

  static final String RULE = "must have at least 10 characters and not be a common password";

  private static final Set<String> COMMON =
      Set.of(
          "1234567890",
          "0123456789",
          "12345678910",
          "password123",
          "password12",
          "qwertyuiop",
          "1q2w3e4r5t",
          "iloveyou12",
          "qwerty1234",
          "aaaaaaaaaa",
          "abcdefghij",
          "passw0rd123",
          "contraseña",
          "contrasena1",
          "administrator",
          "welcome123");

  private PasswordPolicy() {}

  static boolean tooWeak(String password) {
    return password.length() < 10
        || COMMON.contains(password.toLowerCase(Locale.ROOT))
        || password.chars().distinct().count() < 4;
  }
}
