package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.registry.ApiResource;
import java.util.List;

/**
 * Validation of {@code metadata} common to every resource ({@code ValidateObjectMeta} and
 * {@code ValidateObjectMetaUpdate} upstream), applied by the store before the strategy's own.
 */
public interface MetadataValidation {

  List<FieldError> validateCreate(ApiResource resource, HasMetadata obj);

  List<FieldError> validateUpdate(ApiResource resource, HasMetadata obj, HasMetadata old);
}
