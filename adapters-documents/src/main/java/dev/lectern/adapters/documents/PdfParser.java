package dev.lectern.adapters.documents;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Parser: the text layer of a PDF, page by page; scanned pages without text yield nothing. */
final class PdfParser implements FormatParser {
  /**
   * Drops spaces and tabs before each line break, in one pass (a pattern for it backtracks over
   * every long run of spaces that no break ends).
   */
  static String trimLineEnds(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int pending = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        if (pending < 0) {
          pending = i;
        }
        continue;
      }
      if (pending >= 0 && c != '\n') {
        out.append(text, pending, i);
      }
      pending = -1;
      out.append(c);
    }
    if (pending >= 0) {
      out.append(text, pending, text.length());
    }
    return out.toString();
  }

  @Override
  public String parse(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setPageEnd("\n\n");
      stripper.setParagraphEnd("\n\n");
      String text = stripper.getText(document).replace("\r\n", "\n").replace('\r', '\n');
      return trimLineEnds(text).replaceAll("\n{3,}", "\n\n").strip();
    }
  }
}
