/**
 * NamespaceLifecycle: nothing is created in a namespace that does not exist or is being deleted, and
 * the system namespaces cannot be deleted.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#namespacelifecycle
 */
package io.kube4j.apiserver.admission.plugins.namespacelifecycle;
