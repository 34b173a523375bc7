package dev.lectern.application.service.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.fakes.InMemoryLectern;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartedConversation;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationServicesTest {
  final InMemoryLectern lectern = new InMemoryLectern();
  final String org = lectern.defaultOrgId();
  final StartConversationService start = lectern.starts;
  final ManageConversationsService manage = lectern.conversationAdmin;

  String assistant(String name, String opener) {
    return lectern.assistants.create(org, AssistantDraft.named(name).withOpener(opener)).id();
  }

  @Test
  void aConversationStartsWithTheOpenerStoredAsItsFirstMessage() {
    String desk = assistant("Desk", "Hello there!");

    StartedConversation started =
        start.start(new StartConversationCommand(org, desk, null, "user-7"));

    Conversation conversation = started.conversation();
    assertThat(conversation.id()).matches("[0-9a-f]{32}");
    assertThat(conversation.name()).isEqualTo(Conversation.DEFAULT_NAME);
    assertThat(conversation.userId()).isEqualTo("user-7");
    assertThat(started.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.role()).isEqualTo(Role.ASSISTANT);
              assertThat(m.content()).isEqualTo("Hello there!");
              assertThat(m.parentId()).isNull();
            });
    assertThat(manage.messages(org, desk, conversation.id())).isEqualTo(started.messages());
    assertThat(manage.list(org, desk)).containsExactly(conversation);
  }

  @Test
  void anAssistantWithoutOpenerStartsAnEmptyConversation() {
    String quiet = assistant("Quiet", "");

    StartedConversation started =
        start.start(new StartConversationCommand(org, quiet, "Mine", null));

    assertThat(started.messages()).isEmpty();
    assertThat(started.conversation().name()).isEqualTo("Mine");
  }

  @Test
  void aConversationIsReachedOnlyThroughItsOwnAssistantAndOrg() {
    String desk = assistant("Desk", "Hi");
    String other = assistant("Other", "Hi");
    String id =
        start.start(new StartConversationCommand(org, desk, null, null)).conversation().id();

    assertThatThrownBy(() -> manage.find(org, other, id)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> manage.delete(org, other, id)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> manage.list("org2", desk)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> start.start(new StartConversationCommand(org, "nope", null, null)))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("assistant 'nope'");
    assertThat(manage.find(org, desk, id).id()).isEqualTo(id);
  }

  @Test
  void renameChecksTheNameAndDeleteRemovesTheMessages() {
    String desk = assistant("Desk", "Hi");
    String id =
        start.start(new StartConversationCommand(org, desk, null, null)).conversation().id();
    lectern.clock.advance(Duration.ofSeconds(5));

    Conversation renamed = manage.rename(org, desk, id, "  Refunds  ");

    assertThat(renamed.name()).isEqualTo("Refunds");
    assertThat(renamed.updatedAt()).isAfter(renamed.createdAt());
    assertThatThrownBy(() -> manage.rename(org, desk, id, " "))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("name:");
    manage.delete(org, desk, id);
    assertThat(lectern.conversations.messages(org, id)).isEmpty();
    assertThatThrownBy(() -> manage.find(org, desk, id)).isInstanceOf(NotFound.class);
  }

  @Test
  void aMessageLeadsToItsConversationOnlyThroughItsOwnAssistant() {
    String desk = assistant("Desk", "Hello there!");
    String other = assistant("Other", "Hi");
    StartedConversation started = start.start(new StartConversationCommand(org, desk, null, null));
    String opener = started.messages().getFirst().id();

    assertThat(manage.holding(org, desk, opener)).contains(started.conversation());
    assertThat(manage.holding(org, other, opener)).isEmpty();
    assertThat(manage.holding(org, desk, "nope")).isEmpty();
  }

  @Test
  void onlyAPublicAssistantIsFoundWithoutItsOrganization() {
    String desk = assistant("Desk", "Hello there!");
    assertThat(lectern.assistants.findPublic(desk)).isEmpty();

    lectern.assistants.update(
        org, desk, AssistantDraft.EMPTY.withAccess(dev.lectern.domain.assistant.Access.PUBLIC));

    assertThat(lectern.assistants.findPublic(desk)).map(a -> a.orgId()).contains(org);
  }

  @Test
  void theKeyOfADeletedAssistantIsNotFoundWhereKeysAreTakenAndInvalidElsewhere() {
    String desk = assistant("Desk", "Hello there!");
    String key = lectern.assistants.createKey(org, desk, "site").secret();
    lectern.assistants.delete(org, desk);

    var asKey =
        new dev.lectern.application.port.in.access.AuthenticateCommand(
            key,
            null,
            dev.lectern.application.port.in.access.AuthenticateCommand.OrgChoice.TOKEN_ORG,
            true);
    assertThatThrownBy(() -> lectern.authenticate.authenticate(asKey))
        .isInstanceOf(dev.lectern.application.error.NotFound.class);
    var asToken = new dev.lectern.application.port.in.access.AuthenticateCommand(key, null);
    assertThatThrownBy(() -> lectern.authenticate.authenticate(asToken))
        .isInstanceOf(dev.lectern.application.error.Unauthenticated.class);
  }
}
