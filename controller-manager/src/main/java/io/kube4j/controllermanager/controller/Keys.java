package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Workqueue keys as client-go writes them ({@code MetaNamespaceKeyFunc}): {@code namespace/name} or {@code name}. */
public final class Keys {

  private Keys() {}

  public static String of(HasMetadata obj) {
    String ns = obj.getMetadata().getNamespace();
    String name = obj.getMetadata().getName();
    return ns == null || ns.isEmpty() ? name : ns + "/" + name;
  }

  /** The namespace of a key; empty for a cluster-scoped object. */
  public static String namespace(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? "" : key.substring(0, slash);
  }

  public static String name(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}
