package io.kube4j.controllermanager.controller;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * {@code DeepCopy()}: objects from an informer's cache are shared by every controller and must never
 * be changed; a controller that wants to change one changes a copy made here.
 */
public final class DeepCopy {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private DeepCopy() {}

  public static <T> T of(T obj) {
    return obj == null ? null : JSON.clone(obj);
  }
}
