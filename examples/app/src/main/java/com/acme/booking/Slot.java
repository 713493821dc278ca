package com.acme.booking;

import java.time.LocalDateTime;

/** One departure of a package, with its seats. */
public record Slot(long id, long packageId, LocalDateTime startsAt, int capacity) {}
