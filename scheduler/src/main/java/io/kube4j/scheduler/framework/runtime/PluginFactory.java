package io.kube4j.scheduler.framework.runtime;

import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.Plugin;

/** Makes a plugin for a profile (upstream's {@code PluginFactory}); plugin args come with the configuration file. */
@FunctionalInterface
public interface PluginFactory {

  Plugin create(Handle handle);
}
