/**
 * The framework runtime: builds a profile's plugins from the {@link io.kube4j.scheduler.framework.runtime.Registry}
 * and runs each extension point over them in order (filters stop at the first rejection; scores are
 * normalised, weighted and summed). Mirrors {@code pkg/scheduler/framework/runtime/framework.go}.
 */
package io.kube4j.scheduler.framework.runtime;
