/**
 * API errors as Kubernetes reports them: {@link io.kube4j.apiserver.api.StatusException} carries a
 * {@code metav1.Status} with a reason and an HTTP code, and {@link io.kube4j.apiserver.api.FieldError}
 * is one validation failure with its field path.
 *
 * <p>Mirrors {@code k8s.io/apimachinery/pkg/api/errors} and {@code pkg/util/validation/field}.
 * See https://kubernetes.io/docs/reference/using-api/api-concepts/#response-status-kind
 */
package io.kube4j.apiserver.api;
