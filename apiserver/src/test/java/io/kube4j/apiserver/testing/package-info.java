/**
 * Test support shared by the apiserver's tests and, through the test jar, by other modules' tests:
 * a real etcd process on free ports ({@link io.kube4j.apiserver.testing.EtcdProcess}) and waiting on
 * conditions with a deadline instead of sleeping.
 */
package io.kube4j.apiserver.testing;
