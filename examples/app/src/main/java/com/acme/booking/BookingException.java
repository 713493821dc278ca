package com.acme.booking;

/** A request the booking rules refuse; the message says which rule. */
public class BookingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    DUPLICATE_SLUG,
    INVALID_SLUG,
    INVALID_VALUE,
    SOLD_OUT,
    PACKAGE_INACTIVE,
    NOT_FOUND,
    ALREADY_CANCELLED,
    SLOT_TAKEN,
    WRONG_TENANT
  }

  private final Reason reason;

  public BookingException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BookingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
