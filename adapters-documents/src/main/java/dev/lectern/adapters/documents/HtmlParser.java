package dev.lectern.adapters.documents;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Parser: HTML to markdown-like text: headings become {@code #} lines, blocks become paragraphs,
 * list items become {@code -} lines and table cells are joined with {@code |}. The walk is
 * iterative, so deeply nested pages cannot overflow the stack.
 */
final class HtmlParser implements FormatParser {
  private static final Set<String> SKIPPED =
      Set.of("script", "style", "noscript", "template", "svg", "head", "iframe", "object");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "blockquote",
          "ul",
          "ol",
          "table",
          "form",
          "figure",
          "dl",
          "dt",
          "dd",
          "address",
          "hr",
          "body");

  @Override
  public String parse(byte[] bytes) {
    Document document = Jsoup.parse(TextParser.decode(bytes));
    StringBuilder out = new StringBuilder();
    if (document.selectFirst("h1") == null && !document.title().isBlank()) {
      out.append("# ").append(document.title().strip()).append("\n\n");
    }
    NodeTraversor.traverse(new Renderer(out), document.body());
    return tidy(out.toString());
  }

  private static String tidy(String text) {
    StringBuilder result = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      result.append(line.strip()).append('\n');
    }
    return result.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  private static final class Renderer implements NodeVisitor {
    private final StringBuilder out;
    private int skipDepth;
    private int preDepth;

    Renderer(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (skipDepth > 0 || SKIPPED.contains(tag)) {
          skipDepth++;
          return;
        }
        switch (tag) {
          case "h1", "h2", "h3", "h4", "h5", "h6" ->
              out.append("\n\n").append("#".repeat(tag.charAt(1) - '0')).append(' ');
          case "li" -> out.append("\n- ");
          case "tr" -> out.append('\n');
          case "td", "th" -> out.append(" | ");
          case "br" -> out.append('\n');
          case "pre" -> {
            preDepth++;
            out.append("\n\n```\n");
          }
          default -> {
            if (BLOCKS.contains(tag)) {
              out.append("\n\n");
            }
          }
        }
      } else if (node instanceof TextNode text && skipDepth == 0) {
        out.append(preDepth > 0 ? text.getWholeText() : collapse(text.getWholeText()));
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return;
      }
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      String tag = element.normalName();
      if (tag.equals("pre")) {
        preDepth--;
        out.append("\n```\n\n");
      } else if (tag.matches("h[1-6]") || BLOCKS.contains(tag)) {
        out.append("\n\n");
      }
    }

    private static String collapse(String text) {
      return text.replaceAll("\\s+", " ");
    }
  }
}
