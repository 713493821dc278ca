package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CatalogueTest {
  @Autowired BookRepository books;

  @Test
  void aSavedBookIsFoundByItsIsbn() {
    String isbn = Isbns.next();
    books.save(Book.newBook(isbn, "Dune"));
    assertThat(books.findByIsbn(isbn)).get().extracting(Book::title).isEqualTo("Dune");
  }
}
