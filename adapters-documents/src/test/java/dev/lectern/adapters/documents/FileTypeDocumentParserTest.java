package dev.lectern.adapters.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.out.DocumentParser.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class FileTypeDocumentParserTest {
  private final FileTypeDocumentParser parser = new FileTypeDocumentParser(Duration.ofSeconds(20));

  private String parse(byte[] bytes, String name) {
    return parser.parse(new Source(bytes, name, null));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void plainTextLosesBomAndCarriageReturns() {
    assertThat(parse(utf8("\uFEFFline one\r\nline two"), "a.txt")).isEqualTo("line one\nline two");
  }

  @Test
  void markdownIsKeptAsIs() {
    assertThat(parse(utf8("# Title\n\nBody *bold*"), "notes.md"))
        .isEqualTo("# Title\n\nBody *bold*");
  }

  @Test
  void htmlBecomesMarkdownLikeText() {
    String html =
        "<html><head><title>T</title><style>p{}</style></head><body><h1>Guide</h1>"
            + "<p>First <b>para</b>.</p><script>evil()</script><ul><li>one</li><li>two</li></ul>"
            + "<table><tr><th>k</th><th>v</th></tr></table><h2>Next</h2><p>More</p></body></html>";
    String text = parse(utf8(html), "page.html");
    assertThat(text)
        .isEqualTo("# Guide\n\nFirst para.\n\n- one\n- two\n\n| k | v\n\n## Next\n\nMore");
  }

  @Test
  void deeplyNestedHtmlDoesNotOverflowTheStack() {
    String html = "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000);
    assertThat(parse(utf8(html), "deep.html")).isEqualTo("deep");
  }

  @Test
  void pdfTextIsExtracted() throws Exception {
    assertThat(parse(pdf("Hello from a PDF page"), "doc.pdf")).isEqualTo("Hello from a PDF page");
  }

  @Test
  void brokenPdfIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> parse(utf8("%PDF-1.7 this is not really a pdf"), "broken.pdf"))
        .isInstanceOf(UnsupportedContent.class)
        .hasMessageContaining("'broken.pdf' was not ingested")
        .hasMessageContaining("PDF");
  }

  @Test
  void docxHeadingsListsAndTablesAreKept() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      var heading = doc.createParagraph();
      heading.setStyle("Heading1");
      heading.createRun().setText("Chapter");
      doc.createParagraph().createRun().setText("Plain words.");
      XWPFTable table = doc.createTable(1, 2);
      table.getRow(0).getCell(0).setText("a");
      table.getRow(0).getCell(1).setText("b");
      doc.write(out);
    }
    assertThat(parse(out.toByteArray(), "file.docx"))
        .isEqualTo("# Chapter\n\nPlain words.\n\n| a | b |");
  }

  @Test
  void csvBecomesATableWithQuotedCells() {
    String csv = "name,comment\nann,\"hello, world\"\nbob,\"say \"\"hi\"\"\"\n";
    assertThat(parse(utf8(csv), "people.csv"))
        .isEqualTo(
            "| name | comment |\n| --- | --- |\n| ann | hello, world |\n| bob | say \"hi\" |");
  }

  @Test
  void jsonIsPrettyPrintedAndInvalidJsonRefused() {
    assertThat(parse(utf8("{\"a\":[1,2]}"), "d.json")).contains("\"a\" : [ 1, 2 ]");
    assertThatThrownBy(() -> parse(utf8("{\"a\":"), "d.json"))
        .isInstanceOf(UnsupportedContent.class)
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void unknownBinaryTypeIsRefusedNamingTheType() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2};
    assertThatThrownBy(() -> parse(png, "photo.png"))
        .isInstanceOf(UnsupportedContent.class)
        .hasMessageContaining("unsupported file type '.png'");
    assertThatThrownBy(() -> parse(png, "uploaded_file")).hasMessageContaining("(no extension)");
  }

  @Test
  void unknownExtensionWithTextIsReadAsText() {
    assertThat(parse(utf8("print('hi')"), "script.py")).isEqualTo("print('hi')");
  }

  @Test
  void contentTypeAndSniffingPickTheParserWhenTheNameCannot() throws Exception {
    assertThat(parser.parse(new Source(utf8("<p>x</p>"), "page", "text/html; charset=utf-8")))
        .isEqualTo("x");
    assertThat(parse(pdf("sniffed"), "uploaded_file")).contains("sniffed");
  }

  static byte[] pdf(String text) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
