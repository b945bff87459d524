package io.kube4j.apiserver.registry.apps.controllerrevision;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.GoSyntax;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.List;
import java.util.Objects;

/** {@code ValidateControllerRevision}: data required, revision not negative, data immutable. */
public final class ControllerRevisionStrategy implements Strategy<ControllerRevision> {

  @Override
  public List<FieldError> validate(ControllerRevision cr) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMeta(cr.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
    if (cr.getData() == null) {
      errs.required(Path.root("data"), "data is mandatory");
    }
    errs.addAll(ObjectMetaValidation.validateNonnegativeField(cr.getRevision() == null ? 0 : cr.getRevision(),
        Path.root("revision")));
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ControllerRevision cr, ControllerRevision old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(cr.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(cr));
    if (!Objects.equals(cr.getData(), old.getData())) {
      errs.invalid(Path.root("data"), new GoSyntax("runtime.RawExtension{...}"), ObjectMetaValidation.FIELD_IMMUTABLE);
    }
    return errs;
  }
}
