/**
 * The service account controller ({@code serviceaccount-controller}): every active namespace has a
 * {@code default} ServiceAccount, which pods use when they name none; deleted, it comes back.
 */
package io.kube4j.controllermanager.serviceaccount;
