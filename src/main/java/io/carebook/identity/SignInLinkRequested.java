package io.carebook.identity;

import io.carebook.shared.UserId;

/** Somebody asked for a sign-in link to an account; carries the single-use link. */
public record SignInLinkRequested(
    UserId userId, String email, String displayName, String locale, String signInPath) {}
