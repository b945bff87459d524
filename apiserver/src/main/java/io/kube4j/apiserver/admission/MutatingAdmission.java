package io.kube4j.apiserver.admission;

/**
 * A plugin of the mutating phase ({@code admission.MutationInterface}): it may change the object
 * before the object is validated, or reject the request.
 */
public interface MutatingAdmission extends AdmissionPlugin {

  /**
   * Returns the attributes to go on with: the same ones when the plugin changed
   * {@code attributes.object()} in place or nothing, or {@code attributes.withObject(replacement)}
   * when it built a new object (a webhook's patch).
   */
  Attributes admit(Attributes attributes);
}
