/**
 * PodTemplates: stored pod templates; the template gets pod spec defaults and bumps the generation when
 * it changes.
 *
 * <p>Mirrors {@code pkg/registry/core/podtemplate/strategy.go}. See
 * https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
 */
package io.kube4j.apiserver.registry.core.podtemplate;
