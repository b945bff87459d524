/**
 * Scheduling helpers on core/v1 types shared by several plugins: whether tolerations tolerate a taint,
 * whether a node matches a node selector. Mirrors {@code k8s.io/component-helpers/scheduling/corev1}
 * and its {@code nodeaffinity} package. See https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
package io.kube4j.scheduler.corev1;
