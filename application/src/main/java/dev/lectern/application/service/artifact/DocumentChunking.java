package dev.lectern.application.service.artifact;

import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.out.Chunker;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.chunk.ChunkDraft;
import dev.lectern.domain.chunk.TextPieces;
import dev.lectern.domain.collection.ChunkMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy: the chunk methods. {@code naive} cuts after the configured delimiters and packs the
 * pieces up to {@code chunk_token_num}; {@code one} keeps the document whole; {@code qa} makes one
 * chunk per question/answer pair; {@code table} one per table row with its headers; {@code manual},
 * {@code book}, {@code laws} and {@code paper} split along headings first. Other methods behave as
 * {@code naive}.
 */
public final class DocumentChunking {
  private final Chunker chunker;

  public DocumentChunking(Chunker chunker) {
    this.chunker = chunker;
  }

  List<ChunkDraft> split(String text, DocumentEntry entry, int defaultTokens) {
    int max =
        entry.parserConfig().get("chunk_token_num") instanceof Number n && n.intValue() > 0
            ? n.intValue()
            : defaultTokens;
    ChunkMethod method = entry.chunkMethod();
    if (method.byHeadings()) {
      return chunker.split(text, max);
    }
    return switch (method) {
      case ONE -> List.of(draft(text.strip()));
      case QA -> qa(text, entry);
      case TABLE -> {
        List<String> rows = TextPieces.tableRows(text);
        yield rows.isEmpty() ? naive(text, entry, max) : rows.stream().map(this::draft).toList();
      }
      default -> naive(text, entry, max);
    };
  }

  private List<ChunkDraft> qa(String text, DocumentEntry entry) {
    List<ChunkDraft> drafts = new ArrayList<>();
    for (TextPieces.QaPair pair : TextPieces.qaPairs(text)) {
      drafts.add(draft(pair.text()));
    }
    if (drafts.isEmpty()) {
      throw new UnsupportedContent(
          "'"
              + entry.name()
              + "' has no question/answer pairs: use a two-column table (question, answer) or"
              + " Q:/A: lines",
          "chunk_method");
    }
    return drafts;
  }

  private List<ChunkDraft> naive(String text, DocumentEntry entry, int max) {
    Object delimiter = entry.parserConfig().get("delimiter");
    String spec = delimiter instanceof String s && !s.isEmpty() ? s : "\n";
    List<ChunkDraft> drafts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int tokens = 0;
    for (String piece : TextPieces.split(text, spec)) {
      int size = chunker.countTokensWithin(piece, max);
      if (size < 0) {
        flush(drafts, current, max);
        tokens = 0;
        drafts.addAll(chunker.split(piece, max));
        continue;
      }
      if (tokens + size > max) {
        flush(drafts, current, max);
        tokens = 0;
      }
      current.append(piece);
      tokens += size;
    }
    flush(drafts, current, max);
    return drafts;
  }

  /** Emits the packed text; joined pieces can tokenise longer than their sum, so re-check. */
  private void flush(List<ChunkDraft> drafts, StringBuilder current, int max) {
    String text = current.toString().strip();
    current.setLength(0);
    if (text.isEmpty()) {
      return;
    }
    int tokens = chunker.countTokensWithin(text, max);
    if (tokens < 0) {
      drafts.addAll(chunker.split(text, max));
    } else {
      drafts.add(new ChunkDraft(text, tokens, List.of()));
    }
  }

  private ChunkDraft draft(String text) {
    return new ChunkDraft(text, chunker.countTokens(text), List.of());
  }
}
