package dev.lectern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.bootstrap.LlmConfig.NamedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LecternConfigTest {
  @Test
  void namedModelsAreReadWithTheirOwnKeys() {
    List<NamedModel> models =
        NamedModel.parse(
            "big=qwen2.5:72b@http://gpu:8000/v1, fast=llama3.2@http://127.0.0.1:11434",
            name -> name.equals("big") ? "k-big" : null);

    assertThat(models)
        .containsExactly(
            new NamedModel("big", "qwen2.5:72b", "http://gpu:8000/v1", "k-big"),
            new NamedModel("fast", "llama3.2", "http://127.0.0.1:11434", null));
    assertThat(NamedModel.parse("", name -> null)).isEmpty();
    assertThat(NamedModel.keyVariable("gpt-4o.mini")).isEqualTo("LECTERN_LLM_API_KEY_GPT_4O_MINI");
    assertThatThrownBy(() -> NamedModel.parse("big=qwen", name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name=model@http(s)://");
    assertThatThrownBy(() -> NamedModel.parse("big=qwen@ftp://x", name -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultKeyGoesOnlyToTheDefaultModelsServer() {
    List<NamedModel> models =
        NamedModel.withDefaultKey(
            NamedModel.parse(
                "same=m1@http://gpu:8000/v1,other=m2@http://elsewhere:8000,own=m3@http://x:1",
                name -> name.equals("own") ? "own-key" : null),
            "http://gpu:8000",
            "default-key");

    assertThat(models)
        .extracting(NamedModel::apiKey)
        .containsExactly("default-key", null, "own-key");
    assertThat(NamedModel.withDefaultKey(models, null, "k").get(1).apiKey()).isNull();
  }
}
