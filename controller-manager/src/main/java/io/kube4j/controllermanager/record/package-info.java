/**
 * Events about objects, as controllers record them (client-go's {@code tools/record}): an
 * {@link io.kube4j.controllermanager.record.EventRecorder} writes a core/v1 Event whose
 * {@code involvedObject} is the object concerned, for {@code kubectl describe} and
 * {@code kubectl get events} to show. See
 * https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/.
 */
package io.kube4j.controllermanager.record;
