package io.kube4j.apiserver.storage;

/**
 * One stored object: its key, its JSON bytes (without {@code resourceVersion}, which is derived from
 * {@code modRevision} on read), and the etcd revisions of its last write and of its creation.
 */
public record KeyValue(String key, byte[] value, long modRevision, long createRevision) {}
