package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.OptionalLong;

/**
 * An optional capability of a strategy: objects of this resource are deleted gracefully, marked with
 * {@code deletionTimestamp} and kept until their grace period ends or their owner (the kubelet, for
 * pods) confirms ({@code rest.RESTGracefulDeleteStrategy} upstream).
 */
public interface GracefulDeleteStrategy<T extends HasMetadata> {

  /**
   * The grace period to apply, given the client's request (empty = default). Zero means delete now,
   * e.g. for a pod never scheduled or already terminated ({@code podStrategy.CheckGracefulDelete}).
   */
  long gracePeriodSeconds(T obj, OptionalLong requested);
}
