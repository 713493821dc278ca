package com.acme.booking;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CustomerBookingsTest {
  private final Fixtures f = new Fixtures();

  @Test
  void listsACustomersBookingsNewestFirst() {
    Tenant tenant = f.tenant();
    TourPackage p = f.tourPackage(tenant);
    String email = Fixtures.email();
    Booking first = f.bookings.book(tenant.id(), f.slot(tenant, p).id(), email, 1);
    Booking second = f.bookings.book(tenant.id(), f.slot(tenant, p).id(), email, 2);
    assertEquals(List.of(second, first), f.bookings.forCustomer(tenant.id(), email));
  }

  @Test
  void lookupIgnoresCase() {
    Tenant tenant = f.tenant();
    String email = Fixtures.email();
    f.bookings.book(tenant.id(), f.slot(tenant, f.tourPackage(tenant)).id(), email, 1);
    assertEquals(1, f.bookings.forCustomer(tenant.id(), email.toUpperCase(Locale.ROOT)).size());
  }

  @Test
  void otherCustomersAreLeftOut() {
    Tenant tenant = f.tenant();
    Slot slot = f.slot(tenant, f.tourPackage(tenant));
    String email = Fixtures.email();
    f.bookings.book(tenant.id(), slot.id(), email, 1);
    f.bookings.book(tenant.id(), slot.id(), Fixtures.email(), 1);
    assertEquals(1, f.bookings.forCustomer(tenant.id(), email).size());
  }

  @Test
  void cancelledBookingsAreStillListed() {
    Tenant tenant = f.tenant();
    String email = Fixtures.email();
    Booking booking =
        f.bookings.book(tenant.id(), f.slot(tenant, f.tourPackage(tenant)).id(), email, 1);
    f.bookings.cancel(tenant.id(), booking.reference());
    assertEquals(
        Booking.Status.CANCELLED, f.bookings.forCustomer(tenant.id(), email).get(0).status());
  }

  @Test
  void newCustomerHasNoBookings() {
    Tenant tenant = f.tenant();
    assertTrue(f.bookings.forCustomer(tenant.id(), Fixtures.email()).isEmpty());
  }
}
