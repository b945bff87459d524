/**
 * The DaemonSet controller: one pod of a DaemonSet on every node that should run one (its
 * nodeSelector, required node affinity and tolerations allow it), each pod placed by the scheduler
 * through a {@code metadata.name} node affinity; RollingUpdate (maxUnavailable, maxSurge) and
 * OnDelete updates; ControllerRevisions for {@code kubectl rollout history|undo ds}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/.
 *
 * <p>Mirrors {@code pkg/controller/daemon} (kubernetes/kubernetes).
 */
package io.kube4j.controllermanager.daemon;
