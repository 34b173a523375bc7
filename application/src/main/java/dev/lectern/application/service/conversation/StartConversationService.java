package dev.lectern.application.service.conversation;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.application.port.in.conversation.StartedConversation;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.application.service.NewIds;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Service: a new conversation, stored with the assistant's opener in one step. */
public final class StartConversationService implements StartConversationUseCase {
  private final AssistantStore assistants;
  private final ConversationStore conversations;
  private final Clock clock;

  public StartConversationService(
      AssistantStore assistants, ConversationStore conversations, Clock clock) {
    this.assistants = assistants;
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public StartedConversation start(StartConversationCommand command) {
    Assistant assistant =
        assistants
            .find(command.orgId(), command.assistantId())
            .orElseThrow(() -> ManageConversationsService.noAssistant(command.assistantId()));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Conversation conversation =
        new Conversation(
            command.orgId(),
            NewIds.next(),
            assistant.id(),
            name(command.name()),
            userId(command.userId()),
            now,
            now,
            command.anonymous(),
            0);
    List<Message> first =
        assistant.opener().isEmpty()
            ? List.of()
            : List.of(
                new Message(
                    NewIds.next(),
                    conversation.id(),
                    null,
                    Role.ASSISTANT,
                    assistant.opener(),
                    List.of(),
                    true,
                    0,
                    0,
                    now));
    conversations.create(conversation, first);
    // As stored: the store tells what its messages weigh.
    return new StartedConversation(
        conversations.find(conversation.orgId(), conversation.id()).orElse(conversation), first);
  }

  static String name(String name) {
    if (name == null) {
      return Conversation.DEFAULT_NAME;
    }
    String stripped = name.strip();
    if (stripped.isEmpty() || stripped.length() > Conversation.MAX_NAME_LENGTH) {
      throw new InvalidRequest(
          "name: must be 1 to " + Conversation.MAX_NAME_LENGTH + " characters, not blank", "name");
    }
    return stripped;
  }

  private static String userId(String userId) {
    if (userId != null && userId.length() > 255) {
      throw new InvalidRequest("user_id: longer than 255 characters", "user_id");
    }
    return userId;
  }
}
