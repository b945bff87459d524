/**
 * NodeRestriction: what a kubelet may write. A node may change only its own Node (not its taints or
 * restricted labels) and Lease, the status of pods bound to it, mirror pods of its own, and tokens
 * for pods bound to it.
 *
 * <p>Mirrors {@code plugin/pkg/admission/noderestriction}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction
 */
package io.kube4j.apiserver.admission.plugins.noderestriction;
