/**
 * The cluster certificate authority: a self-signed CA whose key signs every serving and client
 * certificate of the cluster; the apiserver trusts client certificates it issued.
 *
 * <p>Mirrors kubeadm's {@code util/pkiutil/pki_helpers.go} ({@code NewCertificateAuthority},
 * {@code NewSignedCert}). See https://kubernetes.io/docs/setup/best-practices/certificates/
 */
package io.kube4j.pki.ca;
