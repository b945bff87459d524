/** Building API clients for components from kubeconfig files (client-go's {@code clientcmd}). */
package io.kube4j.componentbase.client;
