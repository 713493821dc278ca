package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@SpringBootTest
class LateFeeTest {
  private static final Instant LENT = Instant.parse("2026-01-01T10:00:00Z");

  @Autowired LoanService loans;
  @MockitoBean Clock clock;

  @Test
  void fourDaysPastTheFortnightCostFour() {
    when(clock.instant()).thenReturn(Instant.parse("2026-01-19T10:00:00Z"));
    assertThat(loans.lateFee(LENT)).isEqualTo(4);
  }

  @Test
  void aBookBackInTimeCostsNothing() {
    when(clock.instant()).thenReturn(Instant.parse("2026-01-10T10:00:00Z"));
    assertThat(loans.lateFee(LENT)).isZero();
  }
}
