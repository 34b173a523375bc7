package dev.lectern.adapters.documents;

import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.out.DocumentParser;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Adapter: picks a parser by file extension, then by content type, then by the bytes themselves,
 * and runs it under a time limit. Unknown binary formats and unparseable files are refused with a
 * message naming the file and its type.
 */
public final class FileTypeDocumentParser implements DocumentParser {
  private final Map<FileType, FormatParser> parsers =
      Map.of(
          FileType.TEXT, new TextParser(),
          FileType.MARKDOWN, new TextParser(),
          FileType.HTML, new HtmlParser(),
          FileType.PDF, new PdfParser(),
          FileType.DOCX, new DocxParser(),
          FileType.CSV, new DelimitedParser(','),
          FileType.TSV, new DelimitedParser('\t'),
          FileType.JSON, new JsonParser());
  private final Duration timeLimit;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  public FileTypeDocumentParser(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  @Override
  public boolean supports(String fileName) {
    return FileType.extension(fileName).flatMap(FileType::ofExtension).isPresent();
  }

  @Override
  public String parse(Source source) {
    FileType type = typeOf(source);
    FormatParser parser = parsers.get(type);
    Future<String> result = workers.submit(() -> parser.parse(source.bytes()));
    try {
      return result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw refused(source, "parsing took longer than " + timeLimit.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw refused(
          source,
          "it could not be parsed as " + type.name() + " (" + PlainReasons.of(cause) + ")",
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      throw refused(source, "parsing was interrupted", e);
    }
  }

  private static FileType typeOf(Source source) {
    Optional<String> extension = FileType.extension(source.fileName());
    Optional<FileType> known = extension.flatMap(FileType::ofExtension);
    if (known.isPresent()) {
      return known.get();
    }
    Optional<FileType> byType = FileType.ofContentType(source.contentType());
    if (byType.isPresent()) {
      return byType.get();
    }
    return FileType.sniff(source.bytes())
        .orElseThrow(
            () ->
                new UnsupportedContent(
                    "unsupported file type "
                        + extension.map(e -> "'." + e + "'").orElse("(no extension)")
                        + (source.contentType() == null ? "" : " (" + source.contentType() + ")")
                        + " for '"
                        + source.fileName()
                        + "'; supported: txt, md, html, pdf, docx, csv, tsv, json",
                    "metadata.file_name"));
  }

  private static UnsupportedContent refused(Source source, String reason, Throwable cause) {
    return new UnsupportedContent(
        "'" + source.fileName() + "' was not ingested: " + reason, "input.value", cause);
  }
}
