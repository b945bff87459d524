package io.kube4j.apiserver.endpoints;

import java.util.Optional;

/** The OpenAPI v3 documents served under {@code /openapi/v3}. */
public interface OpenApiSource {

  /** {@code GET /openapi/v3}: the index of group-version documents. */
  byte[] index();

  /** {@code GET /openapi/v3/<gvPath>}, e.g. {@code api/v1} or {@code apis/apps/v1}. */
  Optional<Document> document(String gvPath);

  /** One document and its hash (the {@code hash} query parameter and ETag). */
  record Document(byte[] json, String hash) {}
}
