package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.Fixtures;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;

/** Test databases: migrated, with orgs org1 and org2 and a collection c1 in each. */
final class TestDatabases {
  private TestDatabases() {}

  static JdbcDatabase seeded(String url) {
    return seeded(url, "sa");
  }

  static JdbcDatabase seeded(String url, String user) {
    JdbcDatabase db = JdbcDatabase.open(url, user, "", 4);
    OrgStore orgs = new JdbcOrgStore(db.dataSource());
    orgs.create(new Organization("org1", new OrgSlug("org-one"), Fixtures.T0));
    orgs.create(new Organization("org2", new OrgSlug("org-two"), Fixtures.T0));
    CollectionStore collections = new JdbcCollectionStore(db.dataSource());
    collections.findOrCreate(Fixtures.collection("org1", "c1"));
    collections.findOrCreate(Fixtures.collection("org2", "c1"));
    return db;
  }
}
