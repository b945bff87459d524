/**
 * Validation of RBAC objects: rules, role references and subjects.
 *
 * <p>Mirrors {@code pkg/apis/rbac/validation}.
 */
package io.kube4j.apiserver.validation.rbac;
