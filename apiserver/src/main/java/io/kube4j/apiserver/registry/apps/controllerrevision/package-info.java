/**
 * ControllerRevisions: immutable snapshots of a DaemonSet's or StatefulSet's template, used for rollbacks.
 *
 * <p>Mirrors {@code pkg/registry/apps/controllerrevision/strategy.go}. See
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/controller-revision-v1/
 */
package io.kube4j.apiserver.registry.apps.controllerrevision;
