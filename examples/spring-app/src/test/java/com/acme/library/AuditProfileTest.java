package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("audit")
class AuditProfileTest {
  @Autowired BookRepository books;
  @Autowired LoanService loans;
  @Autowired JdbcClient jdbc;

  @Test
  void loansAndReturnsAreAudited() {
    String isbn = Isbns.next();
    books.save(Book.newBook(isbn, "Middlemarch"));
    loans.lend(isbn);
    loans.giveBack(isbn);
    assertThat(
            jdbc.sql("select message from audit_log where message like ? order by id")
                .param("% " + isbn)
                .query(String.class)
                .list())
        .containsExactly("lent " + isbn, "returned " + isbn);
  }
}
