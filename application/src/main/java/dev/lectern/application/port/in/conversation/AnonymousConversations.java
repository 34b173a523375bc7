package dev.lectern.application.port.in.conversation;

/**
 * What an assistant's anonymous conversations hold, and its quota.
 *
 * @param conversations how many there are
 * @param storedBytes what their messages take
 * @param quotaConversations how many it keeps at most
 * @param quotaBytes how many bytes it keeps at most
 */
public record AnonymousConversations(
    int conversations, long storedBytes, int quotaConversations, long quotaBytes) {}
