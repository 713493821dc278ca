package com.acme.booking;

/** A customer of the booking platform (a tour operator), addressed by its unique slug. */
public record Tenant(long id, String slug, String name, String timezone) {}
