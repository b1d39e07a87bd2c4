package io.carebook.identity;

import io.carebook.shared.UserId;

/** Somebody asked to reset the password of an account; carries the single-use link. */
public record PasswordResetRequested(
    UserId userId, String email, String displayName, String locale, String resetPath) {}
