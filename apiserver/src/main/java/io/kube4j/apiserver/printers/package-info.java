/**
 * Server-side printing: the {@code meta.k8s.io/v1 Table} that {@code kubectl get} asks for and prints
 * verbatim. A {@link io.kube4j.apiserver.printers.TablePrinter} per kind turns objects into cells, the
 * {@link io.kube4j.apiserver.printers.TableBuilder} wraps rows with column definitions and the row objects
 * chosen by {@code includeObject}.
 *
 * <p>Mirrors {@code pkg/printers/internalversion/printers.go}, {@code pkg/printers/tablegenerator.go},
 * {@code k8s.io/apiserver/pkg/registry/rest/table.go} and {@code k8s.io/apimachinery/pkg/util/duration}.
 * See https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
package io.kube4j.apiserver.printers;
