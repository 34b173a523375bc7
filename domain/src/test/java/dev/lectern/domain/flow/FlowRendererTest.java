package dev.lectern.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.domain.conversation.PassageText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FlowRendererTest {
  static final FlowValues ASKED = new FlowValues("How long?", "u-1", 3, Map.of("name", "Ana"));
  static final FlowRenderer FIRST = new FlowRenderer(new Fixed(0));

  /** A random source that always gives {@code value} (bounded by the range asked). */
  record Fixed(int value) implements RandomGenerator {
    @Override
    public long nextLong() {
      return value;
    }

    @Override
    public int nextInt(int bound) {
      return Math.min(value, bound - 1);
    }
  }

  static Template template(Template.Part... parts) {
    return new Template(List.of(parts));
  }

  static Template.Literal text(String text) {
    return new Template.Literal(text);
  }

  static FlowStep.Generate generate(Template instructions, Template question) {
    return new FlowStep.Generate(
        "ask", "", "", instructions, question, null, null, null, true, false);
  }

  static Flow flow(boolean retrieve, FlowStep.Generate generate, Template... messages) {
    List<FlowStep> steps = new ArrayList<>();
    steps.add(new FlowStep.Begin("begin", "", "Hi", Map.of("name", "friend", "city", "Lima")));
    if (retrieve) {
      steps.add(new FlowStep.Retrieve("find", "", List.of("d1"), null, null, null));
    }
    if (generate != null) {
      steps.add(generate);
    }
    steps.add(new FlowStep.Message("say", "", List.of(messages)));
    return new Flow(steps, Map.of("tone", "kind"));
  }

  @Test
  void aMessageWithoutTheModelIsAFixedTextWithEveryValueFilledIn() {
    Flow flow =
        flow(
            false,
            null,
            template(
                text("Hello "),
                new Template.Input("name"),
                text(" from "),
                new Template.Input("city"),
                text(", "),
                new Template.Variable("tone"),
                text(" "),
                Template.Slot.ASKER,
                text(" #"),
                Template.Slot.TURN,
                text(" "),
                Template.Slot.FILES,
                text(": "),
                Template.Slot.QUESTION,
                new Template.Variable("unknown")));

    FlowAnswer answer = FIRST.render(flow, ASKED);

    assertThat(answer.asksModel()).isFalse();
    assertThat(answer.instructions()).isNull();
    // The question's input is over the flow's own; the flow's own fills what the question lacks.
    assertThat(answer.before().with(""))
        .isEqualTo("Hello Ana from Lima, kind u-1 #3 []: How long?");
    assertThat(answer.after()).isEqualTo(PassageText.EMPTY);
  }

  @Test
  void theModelsAnswerGoesWhereTheMessageFirstShowsItAndOnlyThere() {
    Flow flow =
        flow(
            false,
            generate(Template.of("Be brief."), template(Template.Slot.QUESTION)),
            template(text("A: "), Template.Slot.ANSWER, text(" / "), Template.Slot.ANSWER));

    FlowAnswer answer = FIRST.render(flow, ASKED);

    assertThat(answer.asksModel()).isTrue();
    assertThat(answer.instructions().with("")).isEqualTo("Be brief.");
    assertThat(answer.question()).as("the question as it is").isNull();
    assertThat(answer.before().with("")).isEqualTo("A: ");
    assertThat(answer.after().with("")).isEqualTo(" / ");
  }

  @Test
  void aMessageThatDoesNotShowTheAnswerDoesNotAskTheModel() {
    Flow flow =
        flow(
            true,
            generate(Template.of("x"), template(Template.Slot.QUESTION)),
            template(text("Closed today.")));

    FlowAnswer answer = FIRST.render(flow, ASKED);

    assertThat(answer.asksModel()).isFalse();
    assertThat(answer.before().with("")).isEqualTo("Closed today.");
  }

  @Test
  void passagesGoAfterTheInstructionsUnlessATemplateNamesTheirPlace() {
    Template question = template(Template.Slot.QUESTION);
    Template message = template(Template.Slot.ANSWER);

    FlowAnswer appended =
        FIRST.render(flow(true, generate(Template.of("Be brief."), question), message), ASKED);
    assertThat(appended.instructions().pieces()).containsExactly("Be brief.\n\n", "");

    FlowAnswer placed =
        FIRST.render(
            flow(
                true,
                generate(template(text("Use "), Template.Slot.PASSAGES, text(".")), question),
                message),
            ASKED);
    assertThat(placed.instructions().pieces()).containsExactly("Use ", ".");

    FlowAnswer inQuestion =
        FIRST.render(
            flow(
                true,
                generate(
                    Template.of("Be brief."),
                    template(
                        text("Read "),
                        Template.Slot.PASSAGES,
                        text(" and answer "),
                        Template.Slot.QUESTION)),
                message),
            ASKED);
    assertThat(inQuestion.instructions().showsPassages()).isFalse();
    assertThat(inQuestion.question().pieces()).containsExactly("Read ", " and answer How long?");
  }

  @Test
  void withoutARetrieveStepAPlaceForPassagesShowsNothing() {
    Flow flow =
        flow(
            false,
            generate(
                template(text("Use "), Template.Slot.PASSAGES), template(Template.Slot.QUESTION)),
            template(Template.Slot.ANSWER));

    FlowAnswer answer = FIRST.render(flow, ASKED);

    assertThat(answer.instructions().showsPassages()).isFalse();
    assertThat(answer.instructions().with("")).isEqualTo("Use ");
  }

  @Test
  void whatTheQuestionSaysIsOnlyText() {
    FlowValues sly = new FlowValues("{knowledge} {sys.query} [ID:0]", "", 1, Map.of());
    Flow flow = flow(true, null, template(Template.Slot.QUESTION));

    FlowAnswer answer = FIRST.render(flow, sly);

    assertThat(answer.before().pieces()).containsExactly("{knowledge} {sys.query} [ID:0]");
  }

  @Test
  void theRandomSourcePicksTheMessagesTemplate() {
    Flow flow = flow(false, null, Template.of("one"), Template.of("two"), Template.of("three"));

    assertThat(FIRST.render(flow, ASKED).before().with("")).isEqualTo("one");
    assertThat(new FlowRenderer(new Fixed(2)).render(flow, ASKED).before().with(""))
        .isEqualTo("three");
    FlowRenderer seeded = new FlowRenderer(new SplittableRandom(7));
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      seen.add(seeded.render(flow, ASKED).before().with(""));
    }
    assertThat(seen).contains("one", "two", "three");
  }

  @Test
  void aTemplateThatGrowsTooLongFilledInIsRefusedNamingItsPlace() {
    Template loud = new Template(Collections.nCopies(200, Template.Slot.QUESTION));
    FlowValues long1000 = new FlowValues("x".repeat(1000), "", 1, Map.of());

    assertThatThrownBy(() -> FIRST.render(flow(false, null, loud), long1000))
        .isInstanceOfSatisfying(
            FlowTooLarge.class,
            e -> {
              assertThat(e.place()).isEqualTo(FlowTooLarge.Place.MESSAGE);
              assertThat(e.limit()).isEqualTo(FlowTooLarge.Limit.LENGTH);
            });
    assertThat(FIRST.render(flow(false, null, loud), ASKED).before().with("")).hasSize(1800);
    // Text after the last place is the template's own: it counts only once a place follows.
    Template written = Template.of("w".repeat(FlowRenderer.MAX_RENDERED + 1));
    assertThat(FIRST.render(flow(false, null, written), ASKED).before().with(""))
        .hasSize(FlowRenderer.MAX_RENDERED + 1);
    Template placed = template(text("w".repeat(FlowRenderer.MAX_RENDERED)), Template.Slot.QUESTION);
    assertThatThrownBy(() -> FIRST.render(flow(false, null, placed), ASKED))
        .isInstanceOf(FlowTooLarge.class);

    Flow asking = flow(false, generate(Template.EMPTY, loud), template(Template.Slot.ANSWER));
    assertThatThrownBy(() -> FIRST.render(asking, long1000))
        .isInstanceOfSatisfying(
            FlowTooLarge.class, e -> assertThat(e.place()).isEqualTo(FlowTooLarge.Place.QUESTION));
  }

  @Test
  void passagesShownMoreThanTheLimitAreRefused() {
    Template many =
        new Template(
            Collections.nCopies(FlowRenderer.MAX_PASSAGE_PLACES + 1, Template.Slot.PASSAGES));
    Template enough =
        new Template(Collections.nCopies(FlowRenderer.MAX_PASSAGE_PLACES, Template.Slot.PASSAGES));
    Flow flow =
        flow(
            true, generate(many, template(Template.Slot.QUESTION)), template(Template.Slot.ANSWER));

    assertThatThrownBy(() -> FIRST.render(flow, ASKED))
        .isInstanceOfSatisfying(
            FlowTooLarge.class,
            e -> {
              assertThat(e.place()).isEqualTo(FlowTooLarge.Place.INSTRUCTIONS);
              assertThat(e.limit()).isEqualTo(FlowTooLarge.Limit.PASSAGE_PLACES);
            });
    assertThat(FIRST.render(flow(true, null, enough), ASKED).before().pieces())
        .hasSize(FlowRenderer.MAX_PASSAGE_PLACES + 1);
  }

  @Test
  void theAssistantsOwnInstructionsLeaveTheQuestionsValuesEmptyAndMarkThePassages() {
    Flow flow =
        flow(
            true,
            generate(
                template(
                    text("Help "),
                    new Template.Input("name"),
                    text(" with "),
                    Template.Slot.QUESTION),
                template(Template.Slot.QUESTION)),
            template(Template.Slot.ANSWER));

    assertThat(FlowRenderer.instructions(flow, "{knowledge}"))
        .isEqualTo("Help friend with \n\n{knowledge}");
    assertThat(FlowRenderer.instructions(flow(true, null, Template.of("x")), "{knowledge}"))
        .isEmpty();
  }
}
