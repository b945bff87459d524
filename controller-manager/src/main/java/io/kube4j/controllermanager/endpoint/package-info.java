/**
 * The endpoints controller ({@code endpoints-controller}): the Endpoints object named like each
 * Service with a selector lists the IPs of the pods it selects, ready ones under {@code addresses},
 * others under {@code notReadyAddresses}, with the ports each pod serves the Service's ports on.
 * Endpoints of Services without a selector are written by users and left alone.
 *
 * <p>https://kubernetes.io/docs/concepts/services-networking/service/#endpoints ; mirrors
 * {@code pkg/controller/endpoint} and {@code pkg/api/v1/endpoints} (RepackSubsets).
 */
package io.kube4j.controllermanager.endpoint;
