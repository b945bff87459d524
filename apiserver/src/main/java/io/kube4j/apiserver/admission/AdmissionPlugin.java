package io.kube4j.apiserver.admission;

/**
 * One admission plugin. Rejecting means throwing the {@code StatusException} the client gets
 * (usually 403 Forbidden or 404 NotFound). A mutating plugin changes {@code attributes.object()}.
 */
public interface AdmissionPlugin {

  /** The plugin's upstream name, e.g. {@code NamespaceLifecycle}. */
  String name();

  void admit(Attributes attributes);
}
