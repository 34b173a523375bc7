package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractAssistantStoresContractTest;

class InMemoryAssistantStoresTest extends AbstractAssistantStoresContractTest {
  @Override
  protected void createStores() {
    InMemoryConversationStore conversationStore = new InMemoryConversationStore();
    conversations = conversationStore;
    assistants = new InMemoryAssistantStore(conversationStore);
  }
}
