/**
 * Node IPAM ({@code node-ipam-controller}, range allocator): with {@code --allocate-node-cidrs}, each
 * node gets its own slice of {@code --cluster-cidr} (of size {@code --node-cidr-mask-size}) in
 * {@code spec.podCIDR}, from which its network plugin gives pods their addresses. A slice is never
 * given twice, and comes back when its node is deleted.
 */
package io.kube4j.controllermanager.nodeipam;
