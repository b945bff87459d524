/** Flag value types with Kubernetes' syntax, for picocli. */
package io.kube4j.componentbase.flags;
