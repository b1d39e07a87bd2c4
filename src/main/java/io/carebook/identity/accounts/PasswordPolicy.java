package io.carebook.identity.accounts;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What a password must be: at least 10 characters, and not guessable — zxcvbn scores it against its
 * lists of common and breached passwords, names, words and keyboard patterns, and anything below
 * "safely unguessable" (score 3 of 4) is refused. A long passphrase of ordinary words passes;
 * "password123" does not.
 */
public final class PasswordPolicy {

  public static final String RULE =
      "must have at least 10 characters and not be a common or easily guessed password";

  private static final int MINIMUM_LENGTH = 10;
  private static final int MINIMUM_SCORE = 3;
  private static final Zxcvbn STRENGTH = new Zxcvbn();

  private PasswordPolicy() {}

  public static boolean tooWeak(String password) {
    return password.length() < MINIMUM_LENGTH
        || password.length() > 200
        || STRENGTH.measure(password).getScore() < MINIMUM_SCORE;
  }
}
