/**
 * Admission: plugins that see every write after authentication and authorization and before
 * storage, and may reject it (validating) or change it (mutating).
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/admission}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/
 */
package io.kube4j.apiserver.admission;
