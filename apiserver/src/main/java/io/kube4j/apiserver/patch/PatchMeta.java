package io.kube4j.apiserver.patch;

import java.util.List;

/**
 * How a strategic merge patch treats one field: upstream's struct tags {@code patchStrategy} and
 * {@code patchMergeKey}, published in OpenAPI as {@code x-kubernetes-patch-strategy} and
 * {@code x-kubernetes-patch-merge-key}.
 *
 * @param strategy the tag as written upstream: {@code merge}, {@code replace}, {@code retainKeys},
 *     {@code merge,retainKeys}, or empty when the field has none (maps merge, lists are replaced)
 * @param mergeKey the field identifying an element of a merged list of objects ({@code name} for
 *     containers); empty for lists of scalars and for fields that are not merged lists
 */
public record PatchMeta(String strategy, String mergeKey) {

  /** A field without tags. */
  public static final PatchMeta NONE = new PatchMeta("", "");

  public PatchMeta {
    strategy = strategy == null ? "" : strategy;
    mergeKey = mergeKey == null ? "" : mergeKey;
  }

  /** The comma-separated strategies, as {@code PatchMeta.GetPatchStrategies()} splits them. */
  public List<String> strategies() {
    return List.of(strategy.split(",", -1));
  }
}
