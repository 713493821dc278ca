package com.example.library;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Books on the shelf, counted in the application's database. */
@Service
public class Shelf {
  private final JdbcClient jdbc;

  public Shelf(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String databaseSession() {
    return jdbc.sql("SELECT current_setting('application_name')").query(String.class).single();
  }
}
