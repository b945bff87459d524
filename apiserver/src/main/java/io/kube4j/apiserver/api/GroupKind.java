package io.kube4j.apiserver.api;

/** A kind within an API group ({@code Deployment.apps}, {@code Pod}); Invalid errors name kinds. */
public record GroupKind(String group, String kind) {

  public static GroupKind of(String group, String kind) {
    return new GroupKind(group, kind);
  }

  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
