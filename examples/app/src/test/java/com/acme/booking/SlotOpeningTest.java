package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SlotOpeningTest {
  private final Fixtures f = new Fixtures();

  @Test
  void slotTakesThePackagesCapacity() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 12, 1000);
    assertEquals(12, f.slot(tenant, p).capacity());
  }

  @Test
  void slotCanHaveItsOwnCapacity() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant, 12, 1000);
    assertEquals(4, f.slot(tenant, p, 4).capacity());
  }

  @Test
  void twoDeparturesAtTheSameTimeAreRefused() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.slot(tenant, p);
    BookingException e =
        assertThrows(
            BookingException.class,
            () -> f.availability.openSlot(tenant.id(), p.id(), slot.startsAt()));
    assertEquals(BookingException.Reason.SLOT_TAKEN, e.reason());
  }

  @Test
  void zeroSeatsAreRefused() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    assertThrows(BookingException.class, () -> f.slot(tenant, p, 0));
  }

  @Test
  void slotIsReadBack() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    Slot slot = f.slot(tenant, p);
    assertEquals(slot, f.availability.slot(slot.id()));
  }
}
