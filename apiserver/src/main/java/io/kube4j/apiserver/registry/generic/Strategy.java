package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.api.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes one resource behave as Kubernetes' does, on top of the generic store
 * ({@code rest.RESTCreateStrategy} + {@code RESTUpdateStrategy} upstream). The store calls, in order:
 * <ol>
 *   <li>create: {@link #applyDefaults} → {@link #prepareForCreate} → {@link #validate};</li>
 *   <li>update: {@link #applyDefaults} → {@link #prepareForUpdate} → {@link #validateUpdate}.</li>
 * </ol>
 * Validation includes the object's metadata ({@code ValidateObjectMeta} with the resource's name
 * rule), as upstream's {@code ValidatePod}, {@code ValidateService}... do, so errors come in upstream's
 * order. The store sets uid and creationTimestamp before {@link #prepareForCreate}.
 *
 * <p>Implementations are stateless and thread safe; they mutate only the object passed in.
 */
public interface Strategy<T extends HasMetadata> {

  /**
   * Fills unset fields with Kubernetes' defaults ({@code SetDefaults_*} in
   * {@code pkg/apis/<group>/v1/defaults.go}), e.g. a pod's {@code restartPolicy: Always}.
   */
  default void applyDefaults(T obj) {}

  /**
   * Normalises a new object before validation: clears {@code status} where clients may not set it
   * on create, sets {@code metadata.generation} to 1 where the resource has a spec.
   */
  default void prepareForCreate(T obj) {}

  /**
   * Normalises an update of the main resource: keeps {@code status} from {@code old} (the status
   * subresource owns it) and bumps {@code metadata.generation} when the spec changed.
   */
  default void prepareForUpdate(T obj, T old) {}

  /** Every field error of a new object ({@code ValidatePod}, ...), with full paths. */
  default List<FieldError> validate(T obj) {
    return List.of();
  }

  /** Every field error of an update, including changes to immutable fields. */
  default List<FieldError> validateUpdate(T obj, T old) {
    return validate(obj);
  }

  /** Whether a PUT of a missing object creates it (true for e.g. leases' clients, false for most). */
  default boolean allowCreateOnUpdate() {
    return false;
  }

  /**
   * Fields a field selector may use beyond {@code metadata.name} and {@code metadata.namespace}, e.g.
   * pods' {@code spec.nodeName} and {@code status.phase} ({@code GetAttrs}/{@code ToSelectableFields}).
   */
  default Map<String, String> selectableFields(T obj) {
    return Map.of();
  }

  /**
   * Whether DELETE answers with the deleted object rather than a Success Status
   * ({@code ReturnDeletedObject} upstream; true for pods).
   */
  default boolean returnDeletedObject() {
    return false;
  }

  /**
   * The strategy of the {@code status} subresource: an update there changes only status, so it
   * copies everything else from {@code old} ({@code podStatusStrategy.PrepareForUpdate}).
   */
  default Optional<StatusStrategy<T>> statusStrategy() {
    return Optional.empty();
  }

  /**
   * The strategy of a subresource that owns part of the object and is written with PUT or PATCH:
   * {@code status} for most resources, also {@code approval} for CertificateSigningRequests.
   */
  default Optional<StatusStrategy<T>> subresourceStrategy(String subresource) {
    return subresource.equals("status") ? statusStrategy() : Optional.empty();
  }
}
