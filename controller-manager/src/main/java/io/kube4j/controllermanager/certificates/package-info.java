/**
 * The certificate controllers: {@code approver} approves what RBAC says a requester may have
 * approved automatically (a node's client certificate), {@code signer} issues certificates for
 * approved requests with the cluster CA. Both run as {@code kube-system/certificate-controller} on
 * one generic CSR controller ({@code certificates.CertificateController} upstream).
 */
package io.kube4j.controllermanager.certificates;
