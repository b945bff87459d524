/**
 * {@code certificates.k8s.io/v1} CertificateSigningRequest: a client asks for a certificate by posting
 * a PKCS#10 request; someone with {@code approve} on the signer adds an {@code Approved} condition
 * through the {@code approval} subresource ({@code kubectl certificate approve}); the signer (in the
 * controller-manager) puts the certificate into {@code status.certificate} through {@code status}.
 * The three writes have three strategies so that each party can change only its own part.
 */
package io.kube4j.apiserver.registry.certificates;
