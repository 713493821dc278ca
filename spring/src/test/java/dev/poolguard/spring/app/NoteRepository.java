package dev.poolguard.spring.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA. */
public interface NoteRepository extends JpaRepository<Note, Long> {}
