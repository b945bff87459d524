package io.kube4j.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;

/**
 * The value of {@code x-kubernetes-group-version-kind}. All three keys are always written, the core
 * group as {@code ""}: kubectl explain finds a schema by comparing this map for equality.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"group", "kind", "version"})
record GroupVersionKind(String group, String kind, String version) {

  static final Comparator<GroupVersionKind> ORDER =
      Comparator.comparing(GroupVersionKind::group)
          .thenComparing(GroupVersionKind::version)
          .thenComparing(GroupVersionKind::kind);

  static GroupVersionKind of(String group, String version, String kind) {
    return new GroupVersionKind(group, kind, version);
  }
}
