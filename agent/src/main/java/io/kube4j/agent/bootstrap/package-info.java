/**
 * TLS bootstrapping: an agent without a client certificate joins with a bootstrap token, asks for
 * one through a CertificateSigningRequest (signer {@code kubernetes.io/kube-apiserver-client-kubelet})
 * and, once the controller-manager approved and signed it, writes its kubeconfig. Mirrors
 * pkg/kubelet/certificate/bootstrap/bootstrap.go; see
 * kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/.
 */
package io.kube4j.agent.bootstrap;
