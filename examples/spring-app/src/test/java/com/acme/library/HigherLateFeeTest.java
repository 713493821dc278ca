package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@SpringBootTest
@TestPropertySource(properties = "library.late-fee-per-day=3")
class HigherLateFeeTest {
  @Autowired LoanService loans;
  @MockitoBean Clock clock;

  @Test
  void theConfiguredFeeApplies() {
    when(clock.instant()).thenReturn(Instant.parse("2026-01-17T10:00:00Z"));
    assertThat(loans.lateFee(Instant.parse("2026-01-01T10:00:00Z"))).isEqualTo(6);
  }
}
