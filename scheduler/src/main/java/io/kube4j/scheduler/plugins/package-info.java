/**
 * The in-tree plugins, one package each, and the registry naming them. See
 * https://kubernetes.io/docs/reference/scheduling/config/#scheduling-plugins ; mirrors
 * {@code pkg/scheduler/framework/plugins/registry.go} and {@code apis/config/v1/default_plugins.go}.
 */
package io.kube4j.scheduler.plugins;
