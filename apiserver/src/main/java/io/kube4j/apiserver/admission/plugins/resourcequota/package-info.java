/**
 * ResourceQuota: what a namespace may hold — counts of objects and the sum of its pods' requests and
 * limits. A create that would exceed a quota is refused; an admitted one is charged to the quota's
 * {@code status.used} with compare-and-swap, so concurrent creates cannot both take the last unit.
 *
 * <p>Mirrors {@code staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota} and
 * {@code pkg/quota/v1/evaluator/core}. See https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
package io.kube4j.apiserver.admission.plugins.resourcequota;
