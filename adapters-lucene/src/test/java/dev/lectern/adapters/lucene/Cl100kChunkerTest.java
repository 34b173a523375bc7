package dev.lectern.adapters.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.Chunker;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Cl100kChunkerTest {
  private final Cl100kChunker chunker = new Cl100kChunker();

  @Test
  void countsCl100kTokens() {
    assertThat(chunker.countTokens("hello world")).isEqualTo(2);
    assertThat(chunker.countTokens("<|endoftext|>")).isGreaterThan(1);
  }

  @Test
  void shortTextIsOneChunk() {
    List<ChunkDraft> drafts = chunker.split("Release notes: shipped billing.", 512);
    assertThat(drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.text()).isEqualTo("Release notes: shipped billing.");
              assertThat(d.tokenCount()).isEqualTo(chunker.countTokens(d.text()));
              assertThat(d.headingPath()).isEmpty();
            });
  }

  @Test
  void headingsStartNewChunksAndGiveTheirPath() {
    String md =
        "# Guide\n\nIntro text.\n\n## Install\n\nRun the installer.\n\n## Use\n\nOpen it.\n\n"
            + "# Appendix\nMore.";
    List<ChunkDraft> drafts = chunker.split(md, 512);

    assertThat(drafts)
        .extracting(ChunkDraft::headingPath)
        .containsExactly(
            List.of("Guide"),
            List.of("Guide", "Install"),
            List.of("Guide", "Use"),
            List.of("Appendix"));
    assertThat(drafts.get(1).text()).isEqualTo("## Install\n\nRun the installer.");
  }

  @Test
  void headingWithoutBodyJoinsTheNextSection() {
    List<ChunkDraft> drafts = chunker.split("# Title\n## Part\nBody.", 512);
    assertThat(drafts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.text()).isEqualTo("# Title\n## Part\nBody.");
              assertThat(d.headingPath()).containsExactly("Title", "Part");
            });
  }

  @Test
  void hashInsideCodeFenceIsNotAHeading() {
    List<ChunkDraft> drafts = chunker.split("# Real\n```\n# comment\n```\nend", 512);
    assertThat(drafts)
        .singleElement()
        .extracting(ChunkDraft::headingPath)
        .isEqualTo(List.of("Real"));
  }

  @Test
  void everyChunkRespectsTheHardCapAndKeepsAllWords() {
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < 30; p++) {
      for (int s = 0; s < 8; s++) {
        text.append("Sentence ").append(p).append('-').append(s).append(" talks about lucene. ");
      }
      text.append("\n\n");
    }
    text.append("x".repeat(3000))
        .append(' ')
        .append("Супер длинное предложение. 中文句子没有空格".repeat(40));
    // A single CJK character can take up to 4 byte-level tokens, so caps start there.
    for (int cap : new int[] {4, 7, 50, 512}) {
      List<ChunkDraft> drafts = chunker.split(text.toString(), cap);
      assertThat(drafts)
          .allSatisfy(
              d -> {
                assertThat(chunker.countTokens(d.text())).isLessThanOrEqualTo(cap);
                assertThat(d.tokenCount()).isEqualTo(chunker.countTokens(d.text()));
              });
      String rejoined = String.join("", drafts.stream().map(ChunkDraft::text).toList());
      assertThat(rejoined.replaceAll("\\s+", "")).isEqualTo(text.toString().replaceAll("\\s+", ""));
    }
  }

  @Test
  void capOfOneSplitsAsciiIntoSingleTokens() {
    List<ChunkDraft> drafts = chunker.split("tokenization is fun", 1);
    assertThat(drafts).allSatisfy(d -> assertThat(d.tokenCount()).isEqualTo(1));
    assertThat(String.join("", drafts.stream().map(ChunkDraft::text).toList()))
        .isEqualTo("tokenizationisfun");
  }

  @Test
  void paragraphsArePackedBeforeSentencesAreCut() {
    String text = "First paragraph is short.\n\nSecond paragraph is short too.";
    List<ChunkDraft> drafts = chunker.split(text, 8);
    assertThat(drafts)
        .extracting(ChunkDraft::text)
        .containsExactly("First paragraph is short.", "Second paragraph is short too.");
  }

  @Test
  void regroupMergesSmallNeighboursAndSplitsLargeOnes() {
    List<Chunk> stored = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String text = "Chunk " + i + " has a few words in it.";
      stored.add(new Chunk("id" + i, i, text, chunker.countTokens(text), List.of("H")));
    }
    List<Chunker.Regrouped> merged = regroup(stored, 512);
    assertThat(merged)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.draft().text())
                  .startsWith("Chunk 0")
                  .endsWith("Chunk 5 has a few words in it.");
              assertThat(r.draft().headingPath()).containsExactly("H");
              assertThat(r.unchanged()).isNull();
            });

    List<Chunker.Regrouped> split = regroup(stored, 4);
    assertThat(split)
        .allSatisfy(r -> assertThat(r.draft().tokenCount()).isLessThanOrEqualTo(4))
        .allSatisfy(r -> assertThat(r.unchanged()).isNull());
    assertThat(split.size()).isGreaterThan(6);

    int exact = stored.get(0).tokenCount();
    List<Chunker.Regrouped> same = regroup(stored, exact);
    assertThat(same)
        .extracting(r -> r.unchanged() == null ? null : r.unchanged().id())
        .as("chunks that already fit the budget and cannot merge stay themselves")
        .contains("id0");
  }

  private List<Chunker.Regrouped> regroup(List<Chunk> stored, int maxTokens) {
    List<Chunker.Regrouped> out = new ArrayList<>();
    Chunker.Regrouper regrouper = chunker.regroup(maxTokens, out::add);
    stored.forEach(regrouper::add);
    regrouper.finish();
    return out;
  }

  @Test
  void everyPieceCountsExactlyAndStaysWithinTheCapOnAwkwardText() {
    String[] atoms = {
      "word",
      "Word",
      " ",
      "  ",
      "\t",
      "\n",
      "\n\n",
      " \n",
      "\n ",
      "\n  - item",
      "    - deep",
      ".",
      "!?",
      "'s",
      "'ll",
      "123",
      "45678",
      "中文字",
      "🙂",
      "\u00A0",
      "\r\n",
      "\r",
      "--",
      "##",
      "# Heading\n",
      "```\n",
      "a",
      "é",
      "ß",
      ":",
      "\u2003",
      "\u0085",
      "x'",
      " '",
      "\n\t",
      "\n.\n"
    };
    Random random = new Random(7);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 5 + random.nextInt(300);
      for (int i = 0; i < length; i++) {
        text.append(atoms[random.nextInt(atoms.length)]);
      }
      int max = 1 + random.nextInt(40);
      for (ChunkDraft draft : chunker.split(text.toString(), max)) {
        assertThat(draft.tokenCount())
            .as("count of %s", draft.text())
            .isEqualTo(chunker.countTokens(draft.text()));
        if (draft.text().codePointCount(0, draft.text().length()) > 1) {
          assertThat(draft.tokenCount()).isLessThanOrEqualTo(max);
        }
      }
    }
  }

  @Test
  void aLongWordIsCutIntoNearlyFullPieces() {
    Random random = new Random(3);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    List<ChunkDraft> pieces = chunker.split(word.toString(), 512);
    assertThat(String.join("", pieces.stream().map(ChunkDraft::text).toList()))
        .isEqualTo(word.toString());
    assertThat(pieces)
        .allSatisfy(p -> assertThat(p.tokenCount()).isEqualTo(chunker.countTokens(p.text())));
    assertThat(pieces.subList(0, pieces.size() - 1))
        .as("every piece but the last is nearly full")
        .allSatisfy(p -> assertThat(p.tokenCount()).isBetween(460, 512));
  }

  /**
   * The shapes that were quadratic: a 1 MiB word took 25 s, a 20 MiB list nested one level deeper
   * per line 17 s, a heading with a 1 MiB run of spaces minutes; each now takes about a second.
   */
  @Test
  @org.junit.jupiter.api.Timeout(40)
  void aMegabyteWordAndADeeplyNestedListAreChunkedInOnePass() {
    Random random = new Random(11);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 1 << 20; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    StringBuilder list = new StringBuilder();
    for (int depth = 0; list.length() < 20 << 20; depth++) {
      list.append("  ".repeat(depth)).append("- item ").append(depth).append('\n');
    }
    for (String text : List.of(word.toString(), list.toString())) {
      List<ChunkDraft> drafts = chunker.split(text, 512);
      assertThat(drafts).allSatisfy(d -> assertThat(d.tokenCount()).isBetween(1, 512));
      assertThat(drafts.stream().mapToInt(d -> d.text().length()).sum())
          .isGreaterThan(text.length() / 2);
    }
    List<ChunkDraft> heading = chunker.split("# a" + " ".repeat(1 << 20) + "b\nbody", 512);
    assertThat(heading).isNotEmpty().allSatisfy(d -> assertThat(d.tokenCount()).isBetween(1, 512));
  }
}
