/**
 * The reviews of {@code authentication.k8s.io}: SelfSubjectReview tells callers who the apiserver
 * thinks they are ({@code kubectl auth whoami}).
 *
 * <p>Mirrors {@code pkg/registry/authentication}.
 */
package io.kube4j.apiserver.registry.authentication;
