package dev.poolguard.spring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** Spring Data JDBC and JPA/Hibernate on the tables Flyway created at context start. */
@SpringBootTest
@Transactional
class RepositoriesTest {
  @Autowired TagRepository tags;
  @Autowired NoteRepository notes;
  @Autowired EntityManager entityManager;

  @Test
  void springDataJdbcSavesAndFinds() {
    Tag saved = tags.save(new Tag(null, "jdbc"));
    Long id = Objects.requireNonNull(saved.id(), "save assigned no key");
    assertEquals("jdbc", tags.findById(id).orElseThrow().name());
  }

  @Test
  void jpaPersistsAndQueriesThroughHibernate() {
    Note saved = notes.saveAndFlush(new Note("jpa"));
    entityManager.clear();
    assertEquals(
        "jpa",
        entityManager
            .createQuery("select n.text from Note n where n.id = :id", String.class)
            .setParameter("id", saved.getId())
            .getSingleResult());
  }
}
