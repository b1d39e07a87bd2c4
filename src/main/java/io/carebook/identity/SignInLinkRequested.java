package io.carebook.identity;

import io.carebook.shared.UserId;
import io.carebook.tenancy.SealedSecret;

/**
 * Somebody asked for a sign-in link to an account. Carries the path of the single-use link sealed
 * with the platform's key; the address is looked up by user id ({@link AccountAddresses}).
 */
public record SignInLinkRequested(UserId userId, String locale, SealedSecret signInPath) {}
