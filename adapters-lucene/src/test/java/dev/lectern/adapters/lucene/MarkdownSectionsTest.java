package dev.lectern.adapters.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSectionsTest {
  private static List<String> path(String markdown) {
    List<MarkdownSections.Section> sections = MarkdownSections.of(markdown + "\nbody");
    return sections.get(sections.size() - 1).headingPath();
  }

  @Test
  void headingsAreReadAsAtxHeadings() {
    assertThat(path("## Title ##")).containsExactly("Title");
    assertThat(path("   # Three spaces in")).containsExactly("Three spaces in");
    assertThat(path("#\tTabbed")).containsExactly("Tabbed");
    assertThat(path("# Ends with spaces   ")).containsExactly("Ends with spaces");
    assertThat(path("# Title\r")).containsExactly("Title");
    assertThat(path("#NoSpace")).isEmpty();
    assertThat(path("####### Seven")).isEmpty();
    assertThat(path("    # Four spaces in")).isEmpty();
    assertThat(path("# ")).isEmpty();
  }

  @Test
  void nestedHeadingsBuildAPath() {
    assertThat(path("# A\ntext\n## B\ntext\n### C")).containsExactly("A", "B", "C");
    assertThat(path("# A\n### C\ntext\n## B")).containsExactly("A", "B");
  }
}
