package com.acme.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lends and takes back books; late fees per day past the loan period. */
@Service
public class LoanService {
  private final JdbcClient jdbc;
  private final Notifier notifier;
  private final Clock clock;
  private final int feePerDay;
  private final Duration loanPeriod;

  LoanService(
      JdbcClient jdbc,
      Notifier notifier,
      Clock clock,
      @Value("${library.late-fee-per-day:1}") int feePerDay,
      @Value("${library.loan-days:14}") int loanDays) {
    this.jdbc = jdbc;
    this.notifier = notifier;
    this.clock = clock;
    this.feePerDay = feePerDay;
    this.loanPeriod = Duration.ofDays(loanDays);
  }

  /** Lends the book unless it is out already; {@code true} when it was lent. */
  @Transactional
  public boolean lend(String isbn) {
    int changed =
        jdbc.sql("update book set on_loan = true where isbn = ? and not on_loan")
            .param(isbn)
            .update();
    if (changed == 1) {
      notifier.lent(isbn);
    }
    return changed == 1;
  }

  @Transactional
  public void giveBack(String isbn) {
    jdbc.sql("update book set on_loan = false where isbn = ?").param(isbn).update();
    notifier.returned(isbn);
  }

  /** The late fee for a loan that started at {@code lentAt}, as of now. */
  public long lateFee(Instant lentAt) {
    long daysLate = Duration.between(lentAt.plus(loanPeriod), clock.instant()).toDays();
    return Math.max(0, daysLate) * feePerDay;
  }
}
