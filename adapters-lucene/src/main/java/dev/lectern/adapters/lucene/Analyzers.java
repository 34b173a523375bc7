package dev.lectern.adapters.lucene;

import dev.lectern.domain.collection.Language;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzer of each language, and one per-field analyzer that routes body fields to them. */
public final class Analyzers {
  private Analyzers() {}

  /** Name of the analysed text field of a language. */
  public static String bodyField(Language language) {
    return "body_" + language.code();
  }

  public static Analyzer forLanguage(Language language) {
    return switch (language) {
      case ENGLISH -> new EnglishAnalyzer();
      case SPANISH -> new SpanishAnalyzer();
      case RUSSIAN -> new RussianAnalyzer();
      case CHINESE -> new CJKAnalyzer();
      case MULTILINGUAL -> multilingual();
    };
  }

  /** Routes each language's body field to that language's analyzer. */
  public static Analyzer perField() {
    Map<String, Analyzer> byField = new HashMap<>();
    for (Language language : Language.values()) {
      byField.put(bodyField(language), forLanguage(language));
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
  }

  /** Standard tokenizer, width-folded, lower-cased, CJK bigrams; no stemming. */
  static Analyzer multilingual() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }
}
