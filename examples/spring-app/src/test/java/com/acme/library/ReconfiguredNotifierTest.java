package com.acme.library;

import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A context closed after this class ({@code @DirtiesContext}); the shared pool stays open. */
@SpringBootTest
@TestPropertySource(properties = "library.late-fee-per-day=5")
@DirtiesContext
class ReconfiguredNotifierTest {
  @Autowired BookRepository books;
  @Autowired LoanService loans;
  @MockitoBean Notifier notifier;

  @Test
  void aReturnIsAnnounced() {
    String isbn = Isbns.next();
    books.save(Book.newBook(isbn, "Walden"));
    loans.lend(isbn);
    loans.giveBack(isbn);
    verify(notifier).returned(isbn);
  }
}
