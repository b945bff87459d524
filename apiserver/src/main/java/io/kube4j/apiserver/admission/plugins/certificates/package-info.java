/**
 * The certificates admission plugins: who may approve ({@code CertificateApproval}) and sign
 * ({@code CertificateSigning}) a CertificateSigningRequest, decided per signer by the authorizer on
 * the virtual resource {@code signers}; and no CSR may ask the apiserver-client signer for the
 * {@code system:masters} group ({@code CertificateSubjectRestriction}).
 */
package io.kube4j.apiserver.admission.plugins.certificates;
