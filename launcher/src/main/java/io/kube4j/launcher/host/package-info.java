/**
 * Facts about the machine the cluster runs on: which required programs are installed (and
 * installing them with apt when allowed), and the address other machines reach it by.
 *
 * <p>The address choice mirrors {@code k8s.io/apimachinery/pkg/util/net/interface.go}
 * ({@code ChooseHostInterface}: the interface of the default route).
 */
package io.kube4j.launcher.host;
