package io.kube4j.apiserver.api;

/**
 * A resource within an API group ({@code deployments.apps}, {@code pods}): how Kubernetes names the
 * thing an error is about.
 */
public record GroupResource(String group, String resource) {

  public static GroupResource of(String group, String resource) {
    return new GroupResource(group, resource);
  }

  /** {@code pods} for the core group, {@code deployments.apps} otherwise, as in error messages. */
  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
