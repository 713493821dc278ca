package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@TestPropertySource(properties = "library.loan-days=21")
@Transactional
class CatalogueRollbackTest {
  private static final String ISBN = Isbns.next();

  @Autowired BookRepository books;

  @Test
  void aBookSavedInTheTestTransactionIsVisibleInIt() {
    books.save(Book.newBook(ISBN, "Beloved"));
    assertThat(books.findByIsbn(ISBN)).isPresent();
  }

  @AfterTransaction
  void andGoneAfterTheRollback() {
    assertThat(books.findByIsbn(ISBN)).isEmpty();
  }
}
