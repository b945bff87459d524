package io.kube4j.scheduler.framework.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Plugin name → factory: which plugins a profile may enable (upstream's {@code runtime.Registry}). */
public final class Registry {

  private final Map<String, PluginFactory> factories = new LinkedHashMap<>();

  public Registry register(String name, PluginFactory factory) {
    if (factories.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("a plugin named " + name + " already exists");
    }
    return this;
  }

  public Optional<PluginFactory> get(String name) {
    return Optional.ofNullable(factories.get(name));
  }
}
