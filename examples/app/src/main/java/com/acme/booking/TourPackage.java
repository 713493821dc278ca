package com.acme.booking;

/**
 * Something a tenant sells: a tour of a given length, seats per departure, and a price per seat.
 */
public record TourPackage(
    long id,
    long tenantId,
    String slug,
    String name,
    int durationMinutes,
    int capacity,
    int priceCents,
    boolean active) {}
