/**
 * DefaultTolerationSeconds: every pod tolerates a not-ready or unreachable node for 300 seconds
 * before it is evicted, unless it says otherwise.
 *
 * <p>Mirrors {@code plugin/pkg/admission/defaulttolerationseconds}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#defaulttolerationseconds
 */
package io.kube4j.apiserver.admission.plugins.defaulttolerationseconds;
