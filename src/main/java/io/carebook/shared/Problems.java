package io.carebook.shared;

import java.net.URI;

/** Stable problem type URIs, relative to the API's base, one per kind of error. */
public final class Problems {

  private Problems() {}

  public static URI type(String kind) {
    return URI.create("/problems/" + kind);
  }
}
