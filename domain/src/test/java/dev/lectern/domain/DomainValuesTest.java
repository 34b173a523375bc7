package dev.lectern.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.MetadataCondition;
import dev.lectern.domain.artifact.MetadataCondition.Operator;
import dev.lectern.domain.collection.Language;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainValuesTest {
  @Test
  void orgSlugsAreLowercaseUrlSafe() {
    assertThat(new OrgSlug("acme-1").value()).isEqualTo("acme-1");
    assertThatThrownBy(() -> new OrgSlug("Acme")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrgSlug("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrgSlug("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsAreOneTo255Characters() {
    assertThat(new ArtifactId("x".repeat(255)).value()).hasSize(255);
    assertThatThrownBy(() -> new ArtifactId("x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArtifactId("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretsAreRandomUrlSafeAndHashedWithSha256() {
    String a = TokenSecret.generate();
    assertThat(a).matches("lct_[A-Za-z0-9_-]{43}").isNotEqualTo(TokenSecret.generate());
    assertThat(TokenSecret.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void contentHashIsSha256Hex() {
    assertThat(ContentHash.of("abc".getBytes(StandardCharsets.UTF_8)).hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThatThrownBy(() -> new ContentHash("XYZ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void languagesResolveByNameOrCode() {
    assertThat(Language.fromName("spanish")).contains(Language.SPANISH);
    assertThat(Language.fromName("zh")).contains(Language.CHINESE);
    assertThat(Language.fromName("Klingon")).isEmpty();
  }

  @Test
  void metadataConditionsCompareValues() {
    Map<String, Object> metadata = Map.of("team", "red", "rank", 3, "tags", List.of("a", "b"));
    assertThat(new MetadataCondition("team", Operator.EQ, "red").matches(metadata)).isTrue();
    assertThat(new MetadataCondition("rank", Operator.EQ, 3.0).matches(metadata)).isTrue();
    assertThat(new MetadataCondition("team", Operator.NE, "red").matches(metadata)).isFalse();
    assertThat(new MetadataCondition("team", Operator.IN, List.of("red", "blue")).matches(metadata))
        .isTrue();
    assertThat(new MetadataCondition("team", Operator.NIN, List.of("red")).matches(metadata))
        .isFalse();
    assertThat(new MetadataCondition("tags", Operator.CONTAINS, "b").matches(metadata)).isTrue();
    assertThat(new MetadataCondition("missing", Operator.EQ, "x").matches(metadata)).isFalse();
    assertThat(Operator.fromSymbol("==")).contains(Operator.EQ);
    assertThat(Operator.fromSymbol("~")).isEmpty();
  }
}
