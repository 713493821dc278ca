package com.acme.library;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The default notifier: a log line. */
@Component
@Profile("!audit")
class LogNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

  @Override
  public void lent(String isbn) {
    LOG.info("lent {}", isbn);
  }

  @Override
  public void returned(String isbn) {
    LOG.info("returned {}", isbn);
  }
}
