package dev.lectern.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.DatasetProfile;
import dev.lectern.domain.collection.Language;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import org.junit.jupiter.api.Test;

/** Contract: orgs, tokens and collections, which every metadata adapter stores. */
public abstract class AbstractAccessStoresContractTest {
  protected abstract OrgStore orgs();

  protected abstract TokenStore tokens();

  /** Collections; orgs {@code org1} and {@code org2} exist. */
  protected abstract CollectionStore collections();

  @Test
  void orgSlugsAreUnique() {
    Organization acme = new Organization("o-acme", new OrgSlug("acme"), Fixtures.T0);
    assertThat(orgs().create(acme)).contains(acme);
    assertThat(orgs().create(new Organization("o-2", new OrgSlug("acme"), Fixtures.T0))).isEmpty();
    assertThat(orgs().findBySlug(new OrgSlug("acme"))).contains(acme);
    assertThat(orgs().findById("o-acme")).contains(acme);
    assertThat(orgs().list()).contains(acme);
  }

  @Test
  void tokensAreFoundByHashAndRevocable() {
    ApiToken token = new ApiToken("t1", "ci", TokenScope.ORG, "org1", Fixtures.T0, null, null);
    tokens().save(token, "h".repeat(64));

    assertThat(tokens().findByHash("h".repeat(64))).contains(token);
    assertThat(tokens().findByHash("x".repeat(64))).isEmpty();

    tokens().recordUse("t1", Fixtures.T0.plusSeconds(5));
    assertThat(tokens().findByHash("h".repeat(64)).orElseThrow().lastUsedAt())
        .isEqualTo(Fixtures.T0.plusSeconds(5));

    assertThat(tokens().revoke("t1", Fixtures.T0.plusSeconds(9))).isTrue();
    assertThat(tokens().revoke("t1", Fixtures.T0.plusSeconds(10))).isFalse();
    assertThat(tokens().findByHash("h".repeat(64)).orElseThrow().revoked()).isTrue();
    assertThat(tokens().list()).extracting(ApiToken::id).contains("t1");
  }

  @Test
  void assistantKeysAreListedPerAssistantWithinTheirOrg() {
    ApiToken key =
        new ApiToken("k1", "bot", TokenScope.ASSISTANT, "org1", Fixtures.T0, null, null, "a1");
    tokens().save(key, "k".repeat(64));
    tokens()
        .save(
            new ApiToken(
                "k2", "other", TokenScope.ASSISTANT, "org1", Fixtures.T0, null, null, "a2"),
            "l".repeat(64));
    tokens()
        .save(
            new ApiToken(
                "k3", "elsewhere", TokenScope.ASSISTANT, "org2", Fixtures.T0, null, null, "a1"),
            "m".repeat(64));

    assertThat(tokens().findByHash("k".repeat(64))).contains(key);
    assertThat(tokens().listForAssistant("org1", "a1")).containsExactly(key);
    assertThat(tokens().listForAssistant("org2", "a9")).isEmpty();
  }

  @Test
  void collectionsAreCreatedOnceAndRenamedOnNameClash() {
    Collection first = collections().findOrCreate(Fixtures.collection("org1", "docs"));
    Collection again = collections().findOrCreate(Fixtures.collection("org1", "docs"));
    assertThat(again).isEqualTo(first);

    Collection clash =
        collections()
            .findOrCreate(
                new Collection(
                    "org1",
                    new CollectionId("other-id"),
                    "docs",
                    Language.ENGLISH,
                    512,
                    Fixtures.T0));
    assertThat(clash.name()).isEqualTo("docs(1)");

    assertThat(collections().find("org2", new CollectionId("docs"))).isEmpty();
    assertThat(collections().findOrCreate(Fixtures.collection("org2", "docs")).name())
        .isEqualTo("docs");
  }

  @Test
  void namesAreUniqueWithoutRegardToCaseAndProfilesRoundTrip() {
    collections().findOrCreate(Fixtures.collection("org1", "Guide"));
    Collection lower =
        collections()
            .findOrCreate(
                new Collection(
                    "org1", new CollectionId("x2"), "guide", Language.SPANISH, 256, Fixtures.T0));
    assertThat(lower.name()).isEqualTo("guide(1)");

    var profile =
        new DatasetProfile(
            "about",
            null,
            "m@p",
            "team",
            dev.lectern.domain.collection.ChunkMethod.QA,
            java.util.Map.of("chunk_token_num", 128),
            7);
    Collection changed =
        new Collection(
            "org1",
            new CollectionId("x2"),
            "Renamed",
            Language.RUSSIAN,
            128,
            Fixtures.T0,
            Fixtures.T0.plusSeconds(5),
            profile);
    assertThat(collections().update(changed)).isTrue();
    assertThat(collections().find("org1", new CollectionId("x2"))).contains(changed);
    assertThat(collections().update(changed.withName("GUIDE"))).isFalse();
    assertThat(collections().list("org1"))
        .extracting(Collection::name)
        .containsSubsequence("Guide", "Renamed");

    collections().delete("org1", new CollectionId("x2"));
    assertThat(collections().list("org1"))
        .extracting(Collection::name)
        .contains("Guide")
        .doesNotContain("Renamed");
  }
}
