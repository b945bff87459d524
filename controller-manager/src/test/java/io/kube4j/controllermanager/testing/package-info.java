/**
 * Builders for the objects controller tests seed their caches with, after upstream's
 * {@code wrappers.go}: {@code Pods.pod("web-0").ip("10.0.0.1").ready().build()}.
 */
package io.kube4j.controllermanager.testing;
