/**
 * DefaultBinder: binds a pod by creating a {@code Binding} through {@code POST pods/<name>/binding};
 * the apiserver then sets {@code spec.nodeName} and the {@code PodScheduled=True} condition. Mirrors
 * {@code pkg/scheduler/framework/plugins/defaultbinder}.
 */
package io.kube4j.scheduler.plugins.defaultbinder;
