/**
 * Kubeconfig files: clusters, users and contexts, as kubectl and client libraries read them.
 *
 * <p>Mirrors {@code k8s.io/client-go/tools/clientcmd/api/v1/types.go}.
 * See https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
 */
package io.kube4j.pki.kubeconfig;
