/**
 * Validation of the core/v1 types shared by many resources: pod specs (containers, volumes, probes,
 * resources, tolerations, affinity) and services, with upstream's field paths and messages. Workload
 * resources (Deployments, Jobs, ...) validate their pod template through {@link
 * io.kube4j.apiserver.validation.core.PodValidation#validatePodTemplateSpec}.
 *
 * <p>Mirrors {@code pkg/apis/core/validation/validation.go} (v1.32). See
 * https://kubernetes.io/docs/concepts/workloads/pods/
 */
package io.kube4j.apiserver.validation.core;
