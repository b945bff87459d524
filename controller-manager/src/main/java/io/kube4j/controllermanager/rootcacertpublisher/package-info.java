/**
 * The root CA publisher ({@code root-ca-certificate-publisher-controller}): the ConfigMap
 * {@code kube-root-ca.crt} in every namespace carries the cluster CA, so pods can verify the
 * apiserver (the {@code kube-api-access-*} volume projects it next to the token).
 */
package io.kube4j.controllermanager.rootcacertpublisher;
