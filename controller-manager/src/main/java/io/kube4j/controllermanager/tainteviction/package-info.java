/**
 * The taint eviction controller ({@code taint-eviction-controller}): a pod on a node with a
 * NoExecute taint it does not tolerate is deleted at once; one that tolerates it for
 * {@code tolerationSeconds} is deleted when that time has passed since the taint was added; one that
 * tolerates it without a limit stays. Removing the taint in time saves the pod.
 */
package io.kube4j.controllermanager.tainteviction;
