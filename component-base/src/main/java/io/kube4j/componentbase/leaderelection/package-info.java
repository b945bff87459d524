/**
 * Leader election on a {@code coordination.k8s.io} Lease, as client-go's {@code resourcelock.LeaseLock}:
 * the leader renews {@code spec.renewTime} with updates (PUT with the resourceVersion it read, so two
 * candidates never both win); the others take over once the renew time is older than the lease
 * duration. The election loop itself is Fabric8's {@code LeaderElector}. Shared by the
 * controller-manager and the scheduler (client-go's {@code tools/leaderelection}).
 */
package io.kube4j.componentbase.leaderelection;
