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
 * @param name the object's name (may be empty for generateName creates)
 * @param object the new object (empty for DELETE)
 * @param user who asks
 * @param dryRun whether nothing will be persisted
 */
public record Attributes(Operation operation, ApiResource resource, String subresource, String namespace,
    String name, Optional<HasMetadata> object, Optional<UserInfo> user, boolean dryRun) {

  public enum Operation { CREATE, UPDATE, DELETE, CONNECT }
}
