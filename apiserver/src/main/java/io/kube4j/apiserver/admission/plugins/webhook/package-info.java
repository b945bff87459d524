/**
 * Dynamic admission: the MutatingAdmissionWebhook and ValidatingAdmissionWebhook plugins send an
 * AdmissionReview over HTTPS to each webhook whose rules and selectors match the request, apply a
 * mutating webhook's JSON patch, and refuse what a webhook denies. Webhook configurations are never
 * sent to webhooks themselves.
 *
 * <p>Mirrors {@code staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook}. See
 * https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/
 */
package io.kube4j.apiserver.admission.plugins.webhook;
