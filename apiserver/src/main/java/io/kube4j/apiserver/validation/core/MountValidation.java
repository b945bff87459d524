package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeDevice;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a container uses the pod's volumes: mounts of declared volumes at unique paths, block devices only
 * from claims, sub-paths that stay inside the volume. Mirrors {@code ValidateVolumeMounts} and
 * {@code ValidateVolumeDevices}.
 */
final class MountValidation {

  private MountValidation() {}

  static ErrorList validateVolumeMounts(List<VolumeMount> mounts, Map<String, String> devices,
      Map<String, Volume> volumes, Container c, Path field) {
    ErrorList errs = new ErrorList();
    if (mounts == null) {
      return errs;
    }
    Set<String> mountPoints = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      Path idx = field.index(i);
      String name = nz(m.getName());
      String mountPath = nz(m.getMountPath());
      if (name.isEmpty()) {
        errs.required(idx.child("name"), "");
      }
      if (!volumes.containsKey(name)) {
        errs.notFound(idx.child("name"), name);
      }
      if (mountPath.isEmpty()) {
        errs.required(idx.child("mountPath"), "");
      }
      if (!mountPoints.add(mountPath)) {
        errs.invalid(idx.child("mountPath"), mountPath, "must be unique");
      }
      if (devices.containsKey(name)) {
        errs.invalid(idx.child("name"), name, "must not already exist in volumeDevices");
      }
      if (devices.containsValue(mountPath)) {
        errs.invalid(idx.child("mountPath"), mountPath, "must not already exist as a path in volumeDevices");
      }
      if (!nz(m.getSubPath()).isEmpty()) {
        errs.addAll(VolumeValidation.validateLocalDescendingPath(m.getSubPath(), field.child("subPath")));
      }
      if (!nz(m.getSubPathExpr()).isEmpty()) {
        if (!nz(m.getSubPath()).isEmpty()) {
          errs.invalid(idx.child("subPathExpr"), m.getSubPathExpr(), "subPathExpr and subPath are mutually exclusive");
        }
        errs.addAll(VolumeValidation.validateLocalDescendingPath(m.getSubPathExpr(), field.child("subPathExpr")));
      }
      if (m.getMountPropagation() != null) {
        Path mp = field.child("mountPropagation");
        List<String> supported = List.of("Bidirectional", "HostToContainer", "None");
        if (!supported.contains(m.getMountPropagation())) {
          errs.notSupported(mp, m.getMountPropagation(), supported);
        }
        boolean privileged = c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
        if (m.getMountPropagation().equals("Bidirectional") && !privileged) {
          errs.forbidden(mp, "Bidirectional mount propagation is available only to privileged containers");
        }
      }
      if (m.getRecursiveReadOnly() != null) {
        Path rro = field.child("recursiveReadOnly");
        switch (m.getRecursiveReadOnly()) {
          case "Disabled" -> { }
          case "Enabled", "IfPossible" -> {
            if (!Boolean.TRUE.equals(m.getReadOnly())) {
              errs.forbidden(rro, "may only be specified when readOnly is true");
            }
            if (m.getMountPropagation() != null && !m.getMountPropagation().equals("None")) {
              errs.forbidden(rro, "may only be specified when mountPropagation is None or not specified");
            }
          }
          default -> errs.notSupported(rro, m.getRecursiveReadOnly(), List.of("Disabled", "Enabled", "IfPossible"));
        }
      }
    }
    return errs;
  }

  static ErrorList validateVolumeDevices(List<VolumeDevice> devices, Map<String, String> mounts,
      Map<String, Volume> volumes, Path field) {
    ErrorList errs = new ErrorList();
    if (devices == null) {
      return errs;
    }
    Set<String> paths = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<String> claims = VolumeValidation.claimVolumes(volumes);
    for (int i = 0; i < devices.size(); i++) {
      VolumeDevice d = devices.get(i);
      Path idx = field.index(i);
      String name = nz(d.getName());
      String path = nz(d.getDevicePath());
      if (name.isEmpty()) {
        errs.required(idx.child("name"), "");
      }
      if (names.contains(name)) {
        errs.invalid(idx.child("name"), name, "must be unique");
      }
      if (volumes.containsKey(name) && !claims.contains(name)) {
        errs.invalid(idx.child("name"), name,
            "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
      }
      if (!volumes.containsKey(name)) {
        errs.notFound(idx.child("name"), name);
      }
      if (path.isEmpty()) {
        errs.required(idx.child("devicePath"), "");
      }
      if (paths.contains(path)) {
        errs.invalid(idx.child("devicePath"), path, "must be unique");
      }
      if (!path.isEmpty() && !VolumeValidation.validatePathNoBacksteps(path, idx).isEmpty()) {
        errs.invalid(idx.child("devicePath"), path, "can not contain backsteps ('..')");
      } else {
        paths.add(path);
      }
      if (mounts.containsKey(name)) {
        errs.invalid(idx.child("name"), name, "must not already exist in volumeMounts");
      }
      if (mounts.containsValue(path)) {
        errs.invalid(idx.child("devicePath"), path, "must not already exist as a path in volumeMounts");
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return errs;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
