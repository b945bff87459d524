package io.kube4j.apiserver.admission;

/**
 * A plugin of the validating phase ({@code admission.ValidationInterface}): it sees the object as it
 * will be stored, after the strategy validated it, and may only reject.
 */
public interface ValidatingAdmission extends AdmissionPlugin {

  void validate(Attributes attributes);
}
