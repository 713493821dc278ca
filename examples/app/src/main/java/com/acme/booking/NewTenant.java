package com.acme.booking;

/** What it takes to sign up a tenant. The slug is unique across the platform. */
public record NewTenant(String slug, String name, String timezone) {}
