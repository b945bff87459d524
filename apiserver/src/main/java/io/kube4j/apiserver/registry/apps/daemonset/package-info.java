/**
 * DaemonSets: one pod per eligible node; RollingUpdate with maxUnavailable 1 by default. The template
 * generation is kept in the {@code deprecated.daemonset.template.generation} annotation, as apps/v1 does.
 *
 * <p>Mirrors {@code pkg/registry/apps/daemonset/strategy.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
package io.kube4j.apiserver.registry.apps.daemonset;
