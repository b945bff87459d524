package io.kube4j.apiserver.registry.core.serviceaccount;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.generic.Strategy;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.ObjectMetaValidation;
import io.kube4j.apiserver.validation.Path;
import java.util.List;

/** {@code ValidateServiceAccount}: a DNS subdomain name in a namespace. */
public final class ServiceAccountStrategy implements Strategy<ServiceAccount> {

  @Override
  public List<FieldError> validate(ServiceAccount sa) {
    return ObjectMetaValidation.validateCoreObjectMeta(sa.getMetadata(), true, NameValidator.DNS_SUBDOMAIN,
        Path.root("metadata"));
  }

  @Override
  public List<FieldError> validateUpdate(ServiceAccount sa, ServiceAccount old) {
    ErrorList errs = ObjectMetaValidation.validateCoreObjectMetaUpdate(sa.getMetadata(), old.getMetadata(),
        Path.root("metadata"));
    errs.addAll(validate(sa));
    return errs;
  }
}
