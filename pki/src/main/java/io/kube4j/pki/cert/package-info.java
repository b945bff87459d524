/**
 * X.509 building blocks: what a certificate should say ({@link io.kube4j.pki.cert.CertConfig}),
 * key generation, PEM encoding and decoding, files with the right permissions, and JSSE contexts
 * built from that material.
 *
 * <p>Mirrors {@code k8s.io/client-go/util/cert} and {@code k8s.io/client-go/util/keyutil}.
 * See https://kubernetes.io/docs/setup/best-practices/certificates/
 */
package io.kube4j.pki.cert;
