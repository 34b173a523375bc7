package dev.lectern.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
  record Turn(Role role, String text) {}

  static Turn user(String text) {
    return new Turn(Role.USER, text);
  }

  static Turn assistant(String text) {
    return new Turn(Role.ASSISTANT, text);
  }

  @Test
  void historyStartsAtTheFirstUserTurn() {
    List<Turn> turns = List.of(assistant("Hi!"), user("q1"), assistant("a1"), user("q2"));

    assertThat(History.fromFirstQuestion(turns, Turn::role))
        .extracting(Turn::text)
        .containsExactly("q1", "a1", "q2");
    assertThat(History.fromFirstQuestion(List.of(assistant("Hi!")), Turn::role)).isEmpty();
  }

  @Test
  void noMoreEarlierTurnsThanTheWindow() {
    List<Turn> turns =
        List.of(user("q1"), assistant("a1"), user("q2"), assistant("a2"), user("q3"));

    assertThat(History.shown(turns, Turn::role, 2))
        .extracting(Turn::text)
        .containsExactly("q2", "a2", "q3");
    assertThat(History.shown(turns, Turn::role, 10)).hasSize(5);
    assertThat(History.shown(turns, Turn::role, 0)).extracting(Turn::text).containsExactly("q3");
  }
}
