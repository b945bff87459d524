/**
 * {@code certificatesigningrequest-approving-controller}: approves a node's client certificate
 * request when a SubjectAccessReview says its requester may {@code create}
 * {@code certificatesigningrequests/nodeclient} (a bootstrap token's group, bound by the cluster's
 * setup) or {@code .../selfnodeclient} (a node renewing its own certificate). Everything else waits
 * for a human ({@code kubectl certificate approve}).
 */
package io.kube4j.controllermanager.certificates.approver;
