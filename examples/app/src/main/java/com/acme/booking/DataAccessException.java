package com.acme.booking;

import java.sql.SQLException;

/** An unexpected database failure, unchecked. */
public class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataAccessException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
