/**
 * Decoding of Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}): the
 * {@code k8s\0} magic, the {@code runtime.Unknown} envelope, and the object message turned into the
 * JSON that a JSON client would have sent for the same Go object, so the rest of the apiserver sees
 * only JSON. See https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 *
 * <p>Mirrors {@code k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go} and the
 * {@code generated.proto} files under {@code k8s.io/api} and {@code k8s.io/apimachinery}.
 */
package io.kube4j.apiserver.runtime.protobuf;
