package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest
@TestPropertySource(properties = "library.loan-days=7")
class ShortLoanTest {
  @Autowired LoanService loans;

  @Test
  void aWeekLongLoanIsLateAfterAWeek() {
    Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).minus(Duration.ofHours(1));
    assertThat(loans.lateFee(tenDaysAgo)).isEqualTo(3);
  }
}
