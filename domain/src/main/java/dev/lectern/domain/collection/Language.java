package dev.lectern.domain.collection;

import java.util.Locale;
import java.util.Optional;

/** The language a collection's text is analysed in; it picks the search analyzer. */
public enum Language {
  ENGLISH("English", "en"),
  SPANISH("Spanish", "es"),
  RUSSIAN("Russian", "ru"),
  CHINESE("Chinese", "zh"),
  MULTILINGUAL("Multilingual", "xx");

  private final String displayName;
  private final String code;

  Language(String displayName, String code) {
    this.displayName = displayName;
    this.code = code;
  }

  public String displayName() {
    return displayName;
  }

  /** Short code used to name per-language index fields. */
  public String code() {
    return code;
  }

  public static Optional<Language> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.displayName.toLowerCase(Locale.ROOT).equals(wanted)
          || language.code.equals(wanted)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
