package dev.poolguard.runtime.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps secrets out of every text PoolGuard produces. Public for PoolGuard's own Spring module,
 * which prints the URLs of the contexts' data sources: one redaction for both modules.
 */
public final class Redaction {
  public static final String MASK = "****";

  /** {@code password=secret} in a query string or a {@code ;key=value} list, any case. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;]\\s*[a-z_.]*password\\s*=)[^&;]*");

  private Redaction() {}

  /** A URL fit to print: any password in its user-info or parameters replaced by {@value #MASK}. */
  public static String url(String url) {
    return PASSWORD_PARAMETER.matcher(withoutUserInfoPassword(url)).replaceAll("$1" + MASK);
  }

  /**
   * {@code scheme://user:secret@host} becomes {@code scheme://user:****@host}. The user-info is
   * taken to end at the last {@code @}, because an unencoded password may itself contain {@code @},
   * {@code /} or {@code ?}: masking too much beats printing part of a password.
   */
  private static String withoutUserInfoPassword(String url) {
    int start = url.indexOf("//");
    int end = url.lastIndexOf('@');
    if (start < 0 || end < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    if (colon < 0 || colon > end) {
      return url;
    }
    return url.substring(0, colon + 1) + MASK + url.substring(end);
  }

  /**
   * Removes a known secret from text that came from elsewhere (a driver's exception message), as a
   * last line of defence: PoolGuard never hands the password to anything that prints.
   */
  static String scrub(String text, @Nullable String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, MASK);
  }
}
