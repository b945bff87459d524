/**
 * The Events the agent records about pods, with kubelet's reasons and messages ({@code Pulled},
 * {@code Created}, {@code Started}, {@code Killing}, {@code BackOff} from pkg/kubelet/events), as
 * client-go's record.EventRecorder writes them: core/v1 Events with {@code source.component: kubelet}
 * and {@code source.host} the node. See kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/.
 */
package io.kube4j.agent.events;
