/**
 * The HTTPS server on Netty: TLS (client certificates requested, not required), HTTP/1.1 with
 * keep-alive, bodies up to 3 MiB, chunked streaming for watches. Each request is authenticated and
 * handed to the Netty-free {@code endpoints} on a worker pool, so no event loop ever waits on etcd.
 * The only package that imports Netty.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/server/secure_serving.go} and the handler chain of
 * {@code pkg/server/config.go DefaultBuildHandlerChain}.
 */
package io.kube4j.apiserver.http;
