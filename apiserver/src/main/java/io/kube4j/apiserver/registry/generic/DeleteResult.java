package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What a DELETE did.
 *
 * @param object the object as deleted, or as marked for deletion
 * @param deletedNow true when it is gone; false when it was only marked ({@code deletionTimestamp}
 *     set: finalizers pending or a graceful deletion in progress)
 */
public record DeleteResult<T extends HasMetadata>(T object, boolean deletedNow) {}
