/**
 * ControllerRevisions: the immutable snapshots of a DaemonSet's or StatefulSet's pod template that
 * {@code kubectl rollout history} lists and {@code kubectl rollout undo} restores. A revision is
 * named {@code <owner>-<hash>}, its hash taken over its data (a strategic merge patch replacing
 * {@code spec.template}) and the owner's collision count. See
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/controller-revision-v1/.
 *
 * <p>Mirrors {@code pkg/controller/history} (kubernetes/kubernetes).
 */
package io.kube4j.controllermanager.history;
