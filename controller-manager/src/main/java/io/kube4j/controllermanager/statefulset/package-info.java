/**
 * The StatefulSet controller: pods with stable names {@code <set>-<ordinal>}, stable hostnames under
 * the governing Service, and their own PersistentVolumeClaims {@code <claim>-<set>-<ordinal>};
 * created, updated and deleted in ordinal order (OrderedReady) or all at once (Parallel); rolling
 * updates from the highest ordinal down to a partition; ControllerRevisions for
 * {@code kubectl rollout history|undo sts}. See
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/.
 *
 * <p>Mirrors {@code pkg/controller/statefulset} (kubernetes/kubernetes).
 */
package io.kube4j.controllermanager.statefulset;
