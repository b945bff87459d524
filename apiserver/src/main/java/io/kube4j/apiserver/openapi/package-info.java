/**
 * OpenAPI v3 ({@code /openapi/v3}): one document per served group-version, generated from the Fabric8
 * model classes and {@link io.kube4j.apiserver.registry.ApiResource}. kubectl reads it for
 * {@code explain}, to decide whether to send {@code fieldValidation=Strict}, and for the merge keys of
 * client-side strategic merge patches ({@code apply}, {@code edit}, {@code diff}).
 *
 * <p>See https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3. Mirrors
 * {@code k8s.io/kube-openapi/pkg/handler3} (index and hashes) and
 * {@code k8s.io/apiserver/pkg/endpoints/openapi} (schema names, operation ids).
 */
package io.kube4j.apiserver.openapi;
