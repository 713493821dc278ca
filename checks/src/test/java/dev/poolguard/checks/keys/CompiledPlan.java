package dev.poolguard.checks.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An entity that {@link EntityMappingTest} reads as a class file from the test classpath, never as
 * a source: its mapping annotations reach the compilation only through javac's class reader.
 */
@Entity
public class CompiledPlan {
  @Id private @Nullable String code;

  public void setCode(String code) {
    this.code = code;
  }
}
