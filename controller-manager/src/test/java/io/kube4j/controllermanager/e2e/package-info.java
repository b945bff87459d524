/** The controller-manager against a real etcd and apiserver, checked through the API and the real kubectl. */
package io.kube4j.controllermanager.e2e;
