package io.kube4j.apiserver.admission;

/**
 * One admission plugin ({@code admission.Interface} upstream). A plugin is a
 * {@link MutatingAdmission}, a {@link ValidatingAdmission}, or both. Rejecting means throwing the
 * {@code StatusException} the client gets (usually 403 Forbidden, 404 NotFound or 422 Invalid).
 */
public interface AdmissionPlugin {

  /** The plugin's upstream name, e.g. {@code NamespaceLifecycle}. */
  String name();

  /** Whether the plugin looks at this operation at all ({@code Handles} upstream). */
  default boolean handles(Attributes.Operation operation) {
    return true;
  }
}
