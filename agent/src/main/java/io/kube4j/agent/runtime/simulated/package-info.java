/**
 * An in-memory container runtime, like kwok's: containers "run" without processes, so one JVM can
 * host hundreds of nodes. Init containers complete at once and in order, app containers run until a
 * {@code kube4j.io/simulate-*} annotation makes them exit ({@link io.kube4j.agent.runtime.simulated.SimulatedBehaviour}),
 * restarts follow {@code restartPolicy} with CrashLoopBackOff, pod IPs come from the node's podCIDR.
 * Upstream has no counterpart in kubelet; see sigs.k8s.io/kwok.
 */
package io.kube4j.agent.runtime.simulated;
