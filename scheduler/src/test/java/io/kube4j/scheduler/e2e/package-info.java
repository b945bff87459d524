/**
 * Scenario tests: the scheduler in-process against a real etcd and apiserver ({@code TestCluster}),
 * nodes created as API objects with the allocatable each test sets, pods created by the admin.
 */
package io.kube4j.scheduler.e2e;
