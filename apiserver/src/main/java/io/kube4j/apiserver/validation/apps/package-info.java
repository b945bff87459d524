/**
 * Validation of apps/v1 workloads (Deployments, ReplicaSets, DaemonSets, StatefulSets,
 * ControllerRevisions): a selector that matches the pod template, {@code restartPolicy: Always},
 * well-formed rollout strategies.
 *
 * <p>Mirrors {@code pkg/apis/apps/validation/validation.go}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/
 */
package io.kube4j.apiserver.validation.apps;
