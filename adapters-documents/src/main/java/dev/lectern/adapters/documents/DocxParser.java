package dev.lectern.adapters.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Parser: Word documents: heading styles become {@code #} lines, list paragraphs {@code -} lines,
 * tables {@code |} rows. Zip-bomb limits are POI's, tightened.
 */
final class DocxParser implements FormatParser {
  static {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
  }

  @Override
  public String parse(byte[] bytes) throws IOException {
    try {
      return read(bytes);
    } catch (IOException | RuntimeException e) {
      throw new IOException(plainReason(e), e);
    }
  }

  /** POI's messages name its classes and settings; say what they mean instead. */
  static String plainReason(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("Zip bomb")) {
      return "it expands far more than a Word document does (a zip bomb)";
    }
    if (message.contains("ByteArrayMaxOverride") || message.contains("maximum length")) {
      return "it holds an element larger than this server reads";
    }
    if (message.contains("exceed") && message.contains("size")) {
      return "it is larger than this server reads once unpacked";
    }
    return "the file is damaged or not a Word (.docx) document";
  }

  private static String read(byte[] bytes) throws IOException {
    StringBuilder out = new StringBuilder();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          appendParagraph(out, paragraph);
        } else if (element instanceof XWPFTable table) {
          appendTable(out, table);
        }
      }
    }
    return out.toString().strip();
  }

  private static void appendParagraph(StringBuilder out, XWPFParagraph paragraph) {
    String text = paragraph.getText().strip();
    if (text.isEmpty()) {
      return;
    }
    int level = headingLevel(paragraph.getStyle());
    if (level > 0) {
      out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
    } else if (paragraph.getNumID() != null) {
      out.append("- ").append(text).append('\n');
    } else {
      out.append(text).append("\n\n");
    }
  }

  private static void appendTable(StringBuilder out, XWPFTable table) {
    for (XWPFTableRow row : table.getRows()) {
      out.append('|');
      for (XWPFTableCell cell : row.getTableCells()) {
        out.append(' ').append(cell.getText().strip().replace('\n', ' ')).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
  }

  /** 1-6 for Title/Heading styles, else 0. */
  private static int headingLevel(String style) {
    if (style == null) {
      return 0;
    }
    String lower = style.toLowerCase(Locale.ROOT).replace(" ", "");
    if (lower.equals("title")) {
      return 1;
    }
    if (lower.startsWith("heading") && lower.length() > 7) {
      char digit = lower.charAt(7);
      if (digit >= '1' && digit <= '6') {
        return digit - '0';
      }
    }
    return 0;
  }
}
