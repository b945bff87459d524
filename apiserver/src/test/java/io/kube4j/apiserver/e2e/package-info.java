/**
 * End-to-end tests of the apiserver through real clients: the Fabric8 client and plain HTTPS against
 * an apiserver on a real etcd ({@link io.kube4j.apiserver.testing.TestCluster}).
 */
package io.kube4j.apiserver.e2e;
