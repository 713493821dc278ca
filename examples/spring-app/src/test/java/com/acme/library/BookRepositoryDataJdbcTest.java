package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The Spring Data JDBC slice on the real database (Flyway migrates it at context start). */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class BookRepositoryDataJdbcTest {
  @Autowired BookRepository books;

  @Test
  void findsByIsbnAndRollsBack() {
    String isbn = Isbns.next();
    Book saved = books.save(Book.newBook(isbn, "Hamlet"));
    assertThat(books.findByIsbn(isbn)).get().extracting(Book::id).isEqualTo(saved.id());
  }
}
