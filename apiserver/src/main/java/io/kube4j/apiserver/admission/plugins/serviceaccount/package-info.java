/**
 * The {@code ServiceAccount} admission plugin: a pod without a service account gets {@code default};
 * the service account must exist; unless automounting is off (pod or service account), every
 * container gets the {@code kube-api-access-*} projected volume at
 * {@code /var/run/secrets/kubernetes.io/serviceaccount}: a bound token (renewed by the node), the
 * cluster CA ({@code kube-root-ca.crt}) and the pod's namespace.
 */
package io.kube4j.apiserver.admission.plugins.serviceaccount;
