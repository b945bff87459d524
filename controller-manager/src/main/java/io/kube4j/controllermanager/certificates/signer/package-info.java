/**
 * {@code certificatesigningrequest-signing-controller}: issues certificates for approved requests
 * with the cluster CA ({@code --cluster-signing-cert-file}, {@code --cluster-signing-key-file}), one
 * signer per well-known signer name, each checking that the request fits its signer (a node client
 * certificate must name a node and only ask for client usages) and failing it with
 * {@code SignerValidationFailure} otherwise.
 */
package io.kube4j.controllermanager.certificates.signer;
