package com.acme.library;

/** Tells someone that a book went out or came back. */
public interface Notifier {
  void lent(String isbn);

  void returned(String isbn);
}
