package dev.poolguard.spring.app;

import org.springframework.data.repository.CrudRepository;

/** Spring Data JDBC. */
public interface TagRepository extends CrudRepository<Tag, Long> {}
