package io.carebook.shared;

/**
 * A record that does not exist <em>for the caller</em>. Another organization's record is reported
 * the same way, so that its existence never leaks: the API answers 404.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
