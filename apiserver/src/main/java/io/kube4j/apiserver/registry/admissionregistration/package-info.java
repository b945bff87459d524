/**
 * Mutating and validating webhook configurations: which requests are sent to which admission
 * webhooks, with upstream's defaults (failurePolicy Fail, timeoutSeconds 10, ...).
 *
 * <p>Mirrors {@code pkg/registry/admissionregistration} and {@code pkg/apis/admissionregistration/v1/defaults.go}.
 */
package io.kube4j.apiserver.registry.admissionregistration;
