package io.carebook.identity;

import io.carebook.shared.UserId;
import io.carebook.tenancy.SealedSecret;

/**
 * Somebody asked to reset the password of an account. Carries the path of the single-use link
 * sealed with the platform's key; the address is looked up by user id ({@link AccountAddresses}).
 */
public record PasswordResetRequested(UserId userId, String locale, SealedSecret resetPath) {}
