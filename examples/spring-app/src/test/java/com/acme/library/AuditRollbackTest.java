package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@ActiveProfiles("audit")
@TestPropertySource(properties = "library.loan-days=28")
@Transactional
class AuditRollbackTest {
  private static final String ISBN = Isbns.next();

  @Autowired BookRepository books;
  @Autowired LoanService loans;
  @Autowired JdbcClient jdbc;

  @Test
  void theAuditRowIsWrittenInTheTestTransaction() {
    books.save(Book.newBook(ISBN, "Persuasion"));
    loans.lend(ISBN);
    assertThat(auditRows()).isEqualTo(1);
  }

  @AfterTransaction
  void andRolledBackWithIt() {
    assertThat(auditRows()).isZero();
  }

  private int auditRows() {
    return jdbc.sql("select count(*) from audit_log where message = ?")
        .param("lent " + ISBN)
        .query(Integer.class)
        .single();
  }
}
