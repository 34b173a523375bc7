package dev.lectern.application.service.conversation;

import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.out.ConversationStore;

/**
 * Policy: the conversations anonymous callers start with a public assistant stay within the
 * assistant's quota, so that callers without a token cannot grow the store without bound: past
 * either limit, the least recently used anonymous conversations are removed.
 */
public final class AnonymousQuota {
  /**
   * The quota of each public assistant.
   *
   * @param conversations how many anonymous conversations it keeps
   * @param storedBytes how many bytes of messages they hold together
   */
  public record Limits(int conversations, long storedBytes) {
    public static final Limits UNLIMITED = new Limits(Integer.MAX_VALUE, Long.MAX_VALUE);

    public Limits {
      if (conversations < 0 || storedBytes < 0) {
        throw new IllegalArgumentException("a quota must not be negative");
      }
    }
  }

  private final ConversationStore conversations;
  private final Limits limits;

  public AnonymousQuota(ConversationStore conversations, Limits limits) {
    this.conversations = conversations;
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Removes what is past the quota, never the conversation just used ({@code usedId}); returns how
   * many conversations went. A store that fails now is tried again at the next anonymous answer:
   * the answer already given and stored stands.
   */
  public int keepWithinQuota(String orgId, String assistantId, String usedId) {
    try {
      return conversations.pruneAnonymous(
          orgId, assistantId, limits.conversations(), limits.storedBytes(), usedId);
    } catch (LecternException notNow) {
      return 0;
    }
  }
}
