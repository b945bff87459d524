/**
 * One handler per verb on a resource: get, list, watch, create, update, patch, delete and
 * deletecollection. Each decodes the request, calls the resource's store and encodes the answer.
 *
 * <p>Mirrors {@code k8s.io/apiserver/pkg/endpoints/handlers/{get,create,update,patch,delete,watch}.go}.
 */
package io.kube4j.apiserver.endpoints.handlers;
