package io.carebook.identity.mfa;

import io.carebook.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use codes for signing in when the authenticator is lost: ten at a time, shown once, stored
 * only as SHA-256 hashes salted with the user's id. Each has 80 random bits, so a copied table
 * cannot be searched back to the codes.
 */
@Repository
class RecoveryCodes {

  static final int COUNT = 10;
  // Crockford's base32: no I, L, O or U, so a code read aloud or from paper is typed right
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  RecoveryCodes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the user's codes with new ones, returned in clear this once. */
  List<String> replace(UserId user) {
    removeAll(user);
    var codes = new ArrayList<String>();
    for (int i = 0; i < COUNT; i++) {
      var code = newCode();
      jdbc.sql("insert into recovery_codes (user_id, code_hash) values (?, ?)")
          .params(user.value(), hash(user, code))
          .update();
      codes.add(code.replaceAll("(.{4})(?!$)", "$1-"));
    }
    return codes;
  }

  /** Uses a code up; false when it is unknown or was used before. */
  boolean use(UserId user, String typed) {
    return jdbc.sql(
                "update recovery_codes set used_at = now()"
                    + " where user_id = ? and code_hash = ? and used_at is null")
            .params(user.value(), hash(user, normalized(typed)))
            .update()
        == 1;
  }

  int remaining(UserId user) {
    return jdbc.sql("select count(*) from recovery_codes where user_id = ? and used_at is null")
        .param(user.value())
        .query(Integer.class)
        .single();
  }

  void removeAll(UserId user) {
    jdbc.sql("delete from recovery_codes where user_id = ?").param(user.value()).update();
  }

  /** Whether typed text has the shape of a recovery code rather than a 6-digit one. */
  static boolean looksLikeOne(String typed) {
    return normalized(typed).length() == LENGTH;
  }

  /** Case, spaces and dashes do not matter; letters that look like digits read as those. */
  static String normalized(String typed) {
    return typed
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s-]", "")
        .replace('o', '0')
        .replace('i', '1')
        .replace('l', '1');
  }

  private static String newCode() {
    var code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  private static byte[] hash(UserId user, String code) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((user + ":" + code).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
