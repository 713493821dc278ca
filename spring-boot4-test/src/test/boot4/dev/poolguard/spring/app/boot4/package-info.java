/** Tests that name Spring Boot 4 packages (the JDBC test slice, JdbcConnectionDetails). */
@NullMarked
package dev.poolguard.spring.app.boot4;

import org.jspecify.annotations.NullMarked;
