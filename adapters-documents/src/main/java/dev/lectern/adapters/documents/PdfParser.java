package dev.lectern.adapters.documents;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Parser: the text layer of a PDF, page by page; scanned pages without text yield nothing. */
final class PdfParser implements FormatParser {
  @Override
  public String parse(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setPageEnd("\n\n");
      stripper.setParagraphEnd("\n\n");
      String text = stripper.getText(document).replace("\r\n", "\n").replace('\r', '\n');
      return text.replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
  }
}
