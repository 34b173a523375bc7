package dev.lectern.domain.conversation;

import java.util.List;
import java.util.function.Function;

/**
 * Policy: the earlier turns a model is shown. History starts at the first user turn — what precedes
 * it (an assistant's opener, or what remains of a history cut to fit) is left out, since chat
 * templates that want turns to start with the user's refuse it — and holds no more earlier turns
 * than the assistant's window.
 */
public final class History {
  private History() {}

  /** The turns from the first user turn on, {@code role} telling each turn's. */
  public static <T> List<T> fromFirstQuestion(List<T> turns, Function<T, Role> role) {
    for (int i = 0; i < turns.size(); i++) {
      if (role.apply(turns.get(i)) == Role.USER) {
        return i == 0 ? turns : List.copyOf(turns.subList(i, turns.size()));
      }
    }
    return List.of();
  }

  /**
   * A conversation the client sends, its question last: from its first user turn on, and no more
   * than {@code window} turns before the question.
   */
  public static <T> List<T> shown(List<T> turns, Function<T, Role> role, int window) {
    List<T> kept = fromFirstQuestion(turns, role);
    int earlier = kept.size() - 1;
    return earlier > window ? List.copyOf(kept.subList(earlier - window, kept.size())) : kept;
  }
}
