package io.kube4j.apiserver.admission;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.authn.UserInfo;
import io.kube4j.apiserver.registry.ApiResource;
import java.util.Optional;

/**
 * What an admission plugin is asked about ({@code admission.Attributes} upstream).
 *
 * @param operation CREATE, UPDATE, DELETE or CONNECT
 * @param resource the resource written
 * @param subresource e.g. {@code status}, or {@code ""}
 * @param namespace the request's namespace, or {@code ""}
 * @param name the object's name (empty for generateName creates in the mutating phase)
 * @param object the new object (empty for DELETE)
 * @param oldObject the stored object an UPDATE or DELETE replaces (empty for CREATE, and for
 *     DELETE in the mutating phase, as upstream)
 * @param user who asks
 * @param dryRun whether nothing will be persisted
 * @param warnings where plugins leave warnings for the client (shared by both phases of one request)
 */
public record Attributes(Operation operation, ApiResource resource, String subresource, String namespace,
    String name, Optional<HasMetadata> object, Optional<HasMetadata> oldObject, Optional<UserInfo> user,
    boolean dryRun, Warnings warnings) {

  /** Attributes whose warnings nobody reads (internal writes, tests). */
  public Attributes(Operation operation, ApiResource resource, String subresource, String namespace, String name,
      Optional<HasMetadata> object, Optional<HasMetadata> oldObject, Optional<UserInfo> user, boolean dryRun) {
    this(operation, resource, subresource, namespace, name, object, oldObject, user, dryRun, new Warnings());
  }

  public enum Operation { CREATE, UPDATE, DELETE, CONNECT }

  /**
   * The pod a request writes, when it is about a pod itself (core {@code pods}, no subresource):
   * what the pod-only plugins (LimitRanger, PodSecurity, Priority, ...) look at.
   */
  public Optional<io.fabric8.kubernetes.api.model.Pod> pod() {
    boolean pods = resource.group().isEmpty() && resource.resource().equals("pods") && subresource.isEmpty();
    return pods ? object.filter(io.fabric8.kubernetes.api.model.Pod.class::isInstance)
        .map(io.fabric8.kubernetes.api.model.Pod.class::cast) : Optional.empty();
  }

  public Attributes withObject(HasMetadata replacement) {
    return new Attributes(operation, resource, subresource, namespace, name, Optional.of(replacement), oldObject,
        user, dryRun, warnings);
  }

  /** The same request about another pair of objects (the validating phase sees the stored ones). */
  public Attributes with(Optional<? extends HasMetadata> object, Optional<? extends HasMetadata> oldObject) {
    return new Attributes(operation, resource, subresource, namespace, name, object.map(o -> (HasMetadata) o),
        oldObject.map(o -> (HasMetadata) o), user, dryRun, warnings);
  }
}
