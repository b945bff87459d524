package io.kube4j.apiserver.endpoints.negotiation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Decodes a Kubernetes protobuf request body into its JSON form (see {@code runtime.protobuf}). */
@FunctionalInterface
public interface ProtobufBodyDecoder {

  ObjectNode decode(byte[] body, String expectedApiVersion, String expectedKind);
}
