package io.kube4j.apiserver.admission;

import java.util.List;

/**
 * The enabled plugins in upstream's order ({@code admission.chainAdmissionHandler}): every mutating
 * plugin runs first, in order, then every validating plugin; the first rejection ends the request
 * and nothing is written.
 */
public final class AdmissionChain {

  private final List<AdmissionPlugin> plugins;

  public AdmissionChain(List<? extends AdmissionPlugin> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  /** The mutating phase; returns the attributes with the object as the plugins left it. */
  public Attributes admit(Attributes attributes) {
    Attributes a = attributes;
    for (AdmissionPlugin p : plugins) {
      if (p instanceof MutatingAdmission m && p.handles(a.operation())) {
        a = m.admit(a);
      }
    }
    return a;
  }

  /** The validating phase, on the object about to be stored. */
  public void validate(Attributes attributes) {
    for (AdmissionPlugin p : plugins) {
      if (p instanceof ValidatingAdmission v && p.handles(attributes.operation())) {
        v.validate(attributes);
      }
    }
  }

  public List<AdmissionPlugin> plugins() {
    return plugins;
  }
}
