/**
 * ImageLocality: prefer nodes that already hold the pod's container images (from
 * {@code node.status.images}), so it starts without a pull; an image on only a few nodes counts for
 * less, so pods do not all pile onto them. Mirrors {@code pkg/scheduler/framework/plugins/imagelocality}.
 * See https://kubernetes.io/docs/reference/scheduling/config/#scheduling-plugins
 */
package io.kube4j.scheduler.plugins.imagelocality;
