/**
 * PodSecurity: the Pod Security Standards (privileged, baseline, restricted), chosen per namespace by
 * the label {@code pod-security.kubernetes.io/enforce}; a pod that violates its namespace's level is
 * refused with every violation named.
 *
 * <p>Mirrors {@code staging/src/k8s.io/pod-security-admission}. See
 * https://kubernetes.io/docs/concepts/security/pod-security-admission/
 */
package io.kube4j.apiserver.admission.plugins.podsecurity;
