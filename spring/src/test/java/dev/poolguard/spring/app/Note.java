package dev.poolguard.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** A JPA entity (table {@code note}, created by Flyway). */
@Entity
public class Note {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private @Nullable Long id;

  private String text;

  protected Note() {}

  public Note(String text) {
    this.text = text;
  }

  /** The generated key; {@code null} until persisted. */
  public @Nullable Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }
}
