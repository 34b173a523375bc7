package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractAccessStoresContractTest;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;

/** The access-store contract over the JDBC adapters of one database. */
abstract class JdbcAccessStoresContract extends AbstractAccessStoresContractTest {
  protected JdbcDatabase db;

  @Override
  protected OrgStore orgs() {
    return new JdbcOrgStore(db.dataSource());
  }

  @Override
  protected TokenStore tokens() {
    return new JdbcTokenStore(db.dataSource());
  }

  @Override
  protected CollectionStore collections() {
    return new JdbcCollectionStore(db.dataSource());
  }
}
