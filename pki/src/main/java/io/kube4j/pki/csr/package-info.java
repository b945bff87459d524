/**
 * PKCS#10 certificate signing requests, the payload of Kubernetes' {@code CertificateSigningRequest}:
 * {@link io.kube4j.pki.csr.CertificateRequest} parses one as the apiserver validates it
 * ({@code certificates.ParseCSR}), and creates one as a joining node does with its bootstrap token.
 * Signing an approved request is {@link io.kube4j.pki.ca.CertificateAuthority#sign}.
 */
package io.kube4j.pki.csr;
