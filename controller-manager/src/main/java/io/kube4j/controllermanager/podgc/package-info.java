/**
 * The pod garbage collector ({@code pod-garbage-collector-controller}): deletes the oldest finished
 * pods beyond {@code --terminated-pod-gc-threshold}, pods bound to nodes that no longer exist (after
 * a quarantine, in case the node is only late to appear), and unscheduled pods stuck terminating;
 * none of these has a kubelet left that would ever finish them.
 */
package io.kube4j.controllermanager.podgc;
