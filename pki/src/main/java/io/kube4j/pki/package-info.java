/**
 * The cluster's public-key infrastructure: one CA, the certificates each component presents, the
 * service-account signing keys and kubeconfig files, kept as PEM files in one directory.
 * {@link io.kube4j.pki.ClusterPki} is the entry point.
 *
 * <p>See https://kubernetes.io/docs/setup/best-practices/certificates/ ; mirrors kubeadm's
 * {@code cmd/kubeadm/app/phases/certs} (the certificate list) and {@code util/pkiutil}.
 */
package io.kube4j.pki;
