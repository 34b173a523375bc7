package dev.lectern.application.fakes;

import dev.lectern.application.contract.AbstractAccessStoresContractTest;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;

/** The contract runs against the fakes too, so the fakes stay honest. */
class InMemoryAccessStoresTest extends AbstractAccessStoresContractTest {
  private final OrgStore orgs = new InMemoryOrgStore();
  private final TokenStore tokens = new InMemoryTokenStore();
  private final CollectionStore collections = new InMemoryCollectionStore();

  @Override
  protected OrgStore orgs() {
    return orgs;
  }

  @Override
  protected TokenStore tokens() {
    return tokens;
  }

  @Override
  protected CollectionStore collections() {
    return collections;
  }
}
