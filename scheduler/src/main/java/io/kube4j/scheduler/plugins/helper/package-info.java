/**
 * What several plugins share, as upstream's {@code plugins/helper}: the selector that groups a pod with
 * its siblings for default spreading ({@code spread.go}). Plugins may import it; it imports no plugin.
 * Mirrors {@code pkg/scheduler/framework/plugins/helper}.
 */
package io.kube4j.scheduler.plugins.helper;
