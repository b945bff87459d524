/**
 * Clients for controllers ({@code clientbuilder} upstream). With
 * {@code --use-service-account-credentials}, each controller talks to the apiserver as its own
 * service account in {@code kube-system} (token from the TokenRequest API, renewed before it
 * expires), so RBAC's {@code system:controller:*} roles limit each controller to what it needs;
 * otherwise every controller uses the controller-manager's own credentials.
 */
package io.kube4j.controllermanager.clientbuilder;
