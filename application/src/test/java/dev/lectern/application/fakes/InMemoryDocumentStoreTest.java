package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractDocumentStoreContractTest;
import dev.lectern.application.port.out.DocumentStore;

class InMemoryDocumentStoreTest extends AbstractDocumentStoreContractTest {
  @Override
  protected DocumentStore createStore() {
    return new InMemoryDocumentStore();
  }
}
