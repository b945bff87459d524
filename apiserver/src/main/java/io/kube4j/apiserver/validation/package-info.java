/**
 * Field validation as Kubernetes words it: string formats ({@link io.kube4j.apiserver.validation.Validation}:
 * DNS labels and subdomains, qualified names, ports, IPs), object metadata rules
 * ({@link io.kube4j.apiserver.validation.ObjectMetaValidation}) and label selectors. Every message is the
 * upstream one, because kubectl prints it verbatim.
 *
 * <p>Mirrors {@code k8s.io/apimachinery/pkg/util/validation}, {@code .../pkg/api/validation} and
 * {@code .../pkg/apis/meta/v1/validation}. See
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
package io.kube4j.apiserver.validation;
