package dev.lectern.domain.org;

import java.util.regex.Pattern;

/** Value: the URL-safe name of an organization, as sent in the {@code x-org} header. */
public record OrgSlug(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** The organization every installation starts with. */
  public static final OrgSlug DEFAULT = new OrgSlug("default");

  public OrgSlug {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "org slug must be 1-63 lowercase letters, digits, '-' or '_', starting with a letter or"
              + " digit");
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
