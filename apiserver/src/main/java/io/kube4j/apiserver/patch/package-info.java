/**
 * PATCH: applying a JSON patch (RFC 6902), a JSON merge patch (RFC 7386) or a Kubernetes strategic
 * merge patch to the current object, with the errors the Kubernetes apiserver answers bad patches with.
 * {@link io.kube4j.apiserver.patch.PatchStrategies} holds the per-field patch strategies and merge keys.
 *
 * <p>See https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/.
 * Mirrors {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go} and
 * {@code k8s.io/apimachinery/pkg/util/strategicpatch}.
 */
package io.kube4j.apiserver.patch;
