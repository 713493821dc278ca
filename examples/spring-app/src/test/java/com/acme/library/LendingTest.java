package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The same context as {@link CatalogueTest}: Spring reuses it from the cache. */
@SpringBootTest
class LendingTest {
  @Autowired BookRepository books;
  @Autowired LoanService loans;

  @Test
  void aBookOnLoanCannotBeLentAgainUntilItIsBack() {
    String isbn = Isbns.next();
    books.save(Book.newBook(isbn, "Emma"));
    assertThat(loans.lend(isbn)).isTrue();
    assertThat(loans.lend(isbn)).isFalse();
    loans.giveBack(isbn);
    assertThat(loans.lend(isbn)).isTrue();
  }
}
