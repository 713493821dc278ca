package com.acme.library;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In the "audit" profile every loan and return is written to {@code audit_log}. */
@Component
@Profile("audit")
class AuditNotifier implements Notifier {
  private final JdbcClient jdbc;

  AuditNotifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void lent(String isbn) {
    record("lent " + isbn);
  }

  @Override
  public void returned(String isbn) {
    record("returned " + isbn);
  }

  private void record(String message) {
    jdbc.sql("insert into audit_log (message) values (?)").param(message).update();
  }
}
