package io.carebook.identity.accounts;

import io.carebook.shared.UserId;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person on the web. Roles are per clinic, so they are resolved per request. */
public record CarebookUser(
    UserId id, String email, String displayName, String passwordHash, boolean confirmed)
    implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public boolean isEnabled() {
    return confirmed;
  }
}
