package com.acme.library;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@SpringBootTest
class LendingNotificationTest {
  @Autowired BookRepository books;
  @Autowired LoanService loans;
  @MockitoBean Notifier notifier;

  @Test
  void onlyASuccessfulLoanIsAnnounced() {
    String isbn = Isbns.next();
    books.save(Book.newBook(isbn, "Ulysses"));
    loans.lend(isbn);
    loans.lend(isbn);
    verify(notifier).lent(isbn);
    verifyNoMoreInteractions(notifier);
  }
}
