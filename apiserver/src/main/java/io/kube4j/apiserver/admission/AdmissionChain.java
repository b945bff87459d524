package io.kube4j.apiserver.admission;

import java.util.List;

/** Runs the enabled plugins in their configured order; the first rejection ends the request. */
public final class AdmissionChain {

  private final List<AdmissionPlugin> plugins;

  public AdmissionChain(List<AdmissionPlugin> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  public void admit(Attributes attributes) {
    for (AdmissionPlugin p : plugins) {
      p.admit(attributes);
    }
  }
}
