/**
 * Service-account tokens: JWTs signed (RS256) with the service-account key, naming a service
 * account and, for bound tokens from the TokenRequest API, the pod or secret they are bound to. A
 * token stops working when it expires or when its service account or bound object is deleted.
 *
 * <p>Mirrors {@code pkg/serviceaccount}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/
 */
package io.kube4j.apiserver.authn.serviceaccount;
