package com.acme.booking;

/** Seats on a slot, booked by a customer. */
public record Booking(
    long id,
    long tenantId,
    long slotId,
    String customerEmail,
    int seats,
    Status status,
    String reference) {

  /** A booking is confirmed when made and cancelled at most once. */
  public enum Status {
    CONFIRMED,
    CANCELLED
  }
}
