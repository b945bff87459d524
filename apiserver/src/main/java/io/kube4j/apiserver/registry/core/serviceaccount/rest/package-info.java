/**
 * The TokenRequest API ({@code serviceaccounts/token}, {@code kubectl create token}): a fresh
 * service-account token, expiring, optionally bound to a pod or secret.
 *
 * <p>Mirrors {@code pkg/registry/core/serviceaccount/storage/token.go}.
 */
package io.kube4j.apiserver.registry.core.serviceaccount.rest;
