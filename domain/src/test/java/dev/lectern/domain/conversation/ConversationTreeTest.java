package dev.lectern.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTreeTest {
  static Message message(String id, String parent, Role role, String text) {
    return new Message(id, "c1", parent, role, text, List.of(), true, 0, 0, Instant.EPOCH);
  }

  // opener → q1 → a1 → q2 → a2, and a second branch q2b → a2b answering a1 again.
  static final List<Message> MESSAGES =
      List.of(
          message("m0", null, Role.ASSISTANT, "Hi!"),
          message("m1", "m0", Role.USER, "How long do refunds take?"),
          message("m2", "m1", Role.ASSISTANT, "Five days."),
          message("m3", "m2", Role.USER, "And invoices?"),
          message("m4", "m3", Role.ASSISTANT, "Monthly."),
          message("m5", "m2", Role.USER, "Who approves refunds?"),
          message("m6", "m5", Role.ASSISTANT, "The owner."));

  final ConversationTree tree = new ConversationTree(MESSAGES);

  @Test
  void aBranchFromAnEarlierMessageHasAHistoryWithoutTheOtherBranch() {
    assertThat(tree.pathTo("m6", 100))
        .extracting(Message::id)
        .containsExactly("m0", "m1", "m2", "m5", "m6");
    assertThat(tree.pathTo("m4", 100))
        .extracting(Message::id)
        .containsExactly("m0", "m1", "m2", "m3", "m4");
  }

  @Test
  void theWindowKeepsTheMostRecentMessages() {
    assertThat(tree.pathTo("m6", 2)).extracting(Message::id).containsExactly("m5", "m6");
    assertThat(tree.pathTo("m6", 0)).isEmpty();
    assertThat(tree.pathTo(null, 5)).isEmpty();
  }

  @Test
  void lastAndChildrenFollowTheStoredOrder() {
    assertThat(tree.last()).map(Message::id).hasValue("m6");
    assertThat(tree.childrenOf("m2")).extracting(Message::id).containsExactly("m3", "m5");
    assertThat(tree.childrenOf(null)).extracting(Message::id).containsExactly("m0");
    assertThat(new ConversationTree(List.of()).last()).isEmpty();
  }

  @Test
  void anUnknownMessageIsRefused() {
    assertThatThrownBy(() -> tree.pathTo("nope", 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCycleInBrokenDataEndsTheWalk() {
    ConversationTree broken =
        new ConversationTree(
            List.of(message("a", "b", Role.USER, "x"), message("b", "a", Role.ASSISTANT, "y")));

    assertThat(broken.pathTo("a", 100)).hasSizeLessThanOrEqualTo(3);
  }
}
