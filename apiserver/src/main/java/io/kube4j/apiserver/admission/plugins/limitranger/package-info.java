/**
 * LimitRanger: a namespace's LimitRanges fill in the requests and limits a container leaves out
 * (mutating), then hold containers and pods within min, max and limit-to-request ratio (validating).
 *
 * <p>Mirrors {@code plugin/pkg/admission/limitranger}. See
 * https://kubernetes.io/docs/concepts/policy/limit-range/
 */
package io.kube4j.apiserver.admission.plugins.limitranger;
