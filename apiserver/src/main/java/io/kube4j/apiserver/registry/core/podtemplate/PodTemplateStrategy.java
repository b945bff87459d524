package io.kube4j.apiserver.registry.core.podtemplate;

import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.core.pod.PodDefaults;
import io.kube4j.apiserver.registry.generic.Generation;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.core.PodValidation;
import java.util.List;
import java.util.Objects;

/** {@code podTemplateStrategy}: {@code ValidatePodTemplate}, generation on template changes. */
public final class PodTemplateStrategy implements Strategy<PodTemplate> {

  @Override
  public void applyDefaults(PodTemplate pt) {
    if (pt.getTemplate() == null) {
      pt.setTemplate(new PodTemplateSpec());
    }
    PodDefaults.applyTemplateDefaults(pt.getTemplate());
  }

  @Override
  public void prepareForCreate(PodTemplate pt) {
    pt.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(PodTemplate pt, PodTemplate old) {
    Generation.advance(pt, old, !Objects.equals(pt.getTemplate(), old.getTemplate()));
  }

  @Override
  public List<FieldError> validate(PodTemplate pt) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(pt.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    errs.addAll(PodValidation.validatePodTemplateSpec(template(pt), Path.root("template")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(PodTemplate pt, PodTemplate old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(pt.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(PodValidation.validatePodTemplateSpec(template(pt), Path.root("template")));
    return errs;
  }

  private static PodTemplateSpec template(PodTemplate pt) {
    return pt.getTemplate() == null ? new PodTemplateSpec() : pt.getTemplate();
  }
}
