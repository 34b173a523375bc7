package dev.lectern.domain.conversation;

import java.util.List;

/**
 * Value: how a model samples and how much it may write; null leaves a setting to the model.
 *
 * @param stop sequences that end the reply where they appear (not included in it)
 */
public record ModelSettings(
    Double temperature,
    Double topP,
    Integer maxTokens,
    List<String> stop,
    Double presencePenalty,
    Double frequencyPenalty) {
  public static final ModelSettings DEFAULTS =
      new ModelSettings(null, null, null, null, null, null);

  public ModelSettings {
    stop = stop == null ? List.of() : List.copyOf(stop);
  }
}
