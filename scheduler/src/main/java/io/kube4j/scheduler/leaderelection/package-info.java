/**
 * Leader election on the Lease {@code kube-system/kube-scheduler}, as client-go's
 * {@code resourcelock.LeaseLock}: the leader renews with updates (PUT with the resourceVersion it
 * read), which is what the {@code system:kube-scheduler} role allows; the election loop is Fabric8's
 * {@code LeaderElector}. See https://kubernetes.io/docs/concepts/architecture/leases/#leader-election
 */
package io.kube4j.scheduler.leaderelection;
