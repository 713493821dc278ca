package com.acme.booking;

/** What it takes to create a package. The slug is unique within its tenant. */
public record NewPackage(
    String slug, String name, int durationMinutes, int capacity, int priceCents) {}
