package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingReferenceTest {
  private final Fixtures f = new Fixtures();

  @Test
  void referenceHasTheDocumentedShape() {
    assertTrue(BookingService.newReference().matches("BK-[A-HJ-NP-Z2-9]{12}"));
  }

  @Test
  void generatedReferencesDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(BookingService.newReference()));
    }
  }

  @Test
  void everyBookingGetsItsOwnReference() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant), 20);
    Set<String> references = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      references.add(f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1).reference());
    }
    assertEquals(10, references.size());
  }
}
