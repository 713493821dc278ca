/** Tests that name Spring Boot 3 packages (the JDBC test slice, JdbcConnectionDetails). */
@NullMarked
package dev.poolguard.spring.app.boot3;

import org.jspecify.annotations.NullMarked;
