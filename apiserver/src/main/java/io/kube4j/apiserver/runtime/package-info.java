/**
 * Encoding and decoding of API objects: JSON (the storage and wire format), YAML and, in
 * {@code runtime.protobuf}, Kubernetes' protobuf envelope for request bodies.
 *
 * <p>Mirrors {@code k8s.io/apimachinery/pkg/runtime/serializer}.
 */
package io.kube4j.apiserver.runtime;
