/**
 * Users, credentials, sign-up and sign-in, memberships (a user's roles per clinic), API tokens, and
 * the edge that resolves every request's tenant and actor.
 */
@ApplicationModule(allowedDependencies = {"shared", "tenancy", "tenancy :: demo", "audit"})
@NullMarked
package io.carebook.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
