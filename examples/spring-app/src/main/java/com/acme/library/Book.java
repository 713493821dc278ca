package com.acme.library;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A book of the catalogue; {@code onLoan} while someone has it. */
@Table("book")
public record Book(@Id Long id, String isbn, String title, boolean onLoan) {
  public static Book newBook(String isbn, String title) {
    return new Book(null, isbn, title, false);
  }
}
