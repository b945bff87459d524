package io.kube4j.apiserver.validation.core;

import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.kube4j.apiserver.validation.ErrorList;
import io.kube4j.apiserver.validation.NameValidator;
import io.kube4j.apiserver.validation.Path;
import io.kube4j.apiserver.validation.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pod volumes: unique DNS-label names and exactly one source each. The common sources (emptyDir, hostPath,
 * secret, configMap, persistentVolumeClaim, downwardAPI, projected, nfs, csi, ephemeral) are checked in
 * detail; the in-tree cloud sources only count towards "one source". Mirrors {@code ValidateVolumes} and
 * {@code validateVolumeSource}.
 */
public final class VolumeValidation {

  static final String FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";
  private static final Set<String> HOST_PATH_TYPES = Set.of("", "DirectoryOrCreate", "Directory",
      "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice");
  private static final Set<String> DOWNWARD_VOLUME_FIELDS = new java.util.TreeSet<>(List.of("metadata.name", "metadata.namespace",
      "metadata.labels", "metadata.annotations", "metadata.uid"));

  /** The volumes that validated, by name, and the errors found. */
  public record Result(Map<String, Volume> volumes, ErrorList errors) {}

  private record Source(String field, Function<Volume, Object> get) {}

  /** In upstream's order of checks; the first present source wins, any further one is Forbidden. */
  private static final List<Source> SOURCES = List.of(
      new Source("emptyDir", Volume::getEmptyDir), new Source("hostPath", Volume::getHostPath),
      new Source("gitRepo", Volume::getGitRepo), new Source("gcePersistentDisk", Volume::getGcePersistentDisk),
      new Source("awsElasticBlockStore", Volume::getAwsElasticBlockStore), new Source("secret", Volume::getSecret),
      new Source("nfs", Volume::getNfs), new Source("iscsi", Volume::getIscsi),
      new Source("glusterfs", Volume::getGlusterfs), new Source("flocker", Volume::getFlocker),
      new Source("persistentVolumeClaim", Volume::getPersistentVolumeClaim), new Source("rbd", Volume::getRbd),
      new Source("cinder", Volume::getCinder), new Source("cephFS", Volume::getCephfs),
      new Source("quobyte", Volume::getQuobyte), new Source("downwarAPI", Volume::getDownwardAPI),
      new Source("fc", Volume::getFc), new Source("flexVolume", Volume::getFlexVolume),
      new Source("configMap", Volume::getConfigMap), new Source("azureFile", Volume::getAzureFile),
      new Source("vsphereVolume", Volume::getVsphereVolume),
      new Source("photonPersistentDisk", Volume::getPhotonPersistentDisk),
      new Source("portworxVolume", Volume::getPortworxVolume), new Source("azureDisk", Volume::getAzureDisk),
      new Source("storageos", Volume::getStorageos), new Source("projected", Volume::getProjected),
      new Source("scaleIO", Volume::getScaleIO), new Source("csi", Volume::getCsi),
      new Source("ephemeral", Volume::getEphemeral), new Source("image", Volume::getImage));

  private VolumeValidation() {}

  public static Result validateVolumes(List<Volume> volumes, ObjectMeta podMeta, Path field) {
    ErrorList errs = new ErrorList();
    Map<String, Volume> byName = new LinkedHashMap<>();
    if (volumes == null) {
      return new Result(byName, errs);
    }
    String podName = podMeta == null || podMeta.getName() == null ? "" : podMeta.getName();
    Set<String> createdClaims = new HashSet<>();
    if (!podName.isEmpty()) {
      for (Volume v : volumes) {
        if (v.getEphemeral() != null) {
          createdClaims.add(podName + "-" + v.getName());
        }
      }
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      Path idx = field.index(i);
      String name = v.getName() == null ? "" : v.getName();
      ErrorList el = validateVolumeSource(v, idx, name, podName);
      if (name.isEmpty()) {
        el.required(idx.child("name"), "");
      } else {
        el.invalidEach(idx.child("name"), name, Validation.isDNS1123Label(name));
      }
      if (byName.containsKey(name)) {
        el.duplicate(idx.child("name"), name);
      }
      if (el.isEmpty()) {
        byName.put(name, v);
      } else {
        errs.addAll(el);
      }
      if (v.getPersistentVolumeClaim() != null
          && createdClaims.contains(v.getPersistentVolumeClaim().getClaimName())) {
        errs.invalid(idx.child("persistentVolumeClaim").child("claimName"),
            v.getPersistentVolumeClaim().getClaimName(),
            "must not reference a PVC that gets created for an ephemeral volume");
      }
    }
    return new Result(byName, errs);
  }

  private static ErrorList validateVolumeSource(Volume v, Path field, String volName, String podName) {
    ErrorList errs = new ErrorList();
    int numVolumes = 0;
    for (Source s : SOURCES) {
      Object source = s.get().apply(v);
      if (source == null) {
        continue;
      }
      if (numVolumes > 0) {
        errs.forbidden(field.child(s.field()), "may not specify more than 1 volume type");
        continue;
      }
      numVolumes++;
      errs.addAll(validateSource(v, s.field(), field, volName, podName));
    }
    if (numVolumes == 0) {
      errs.required(field, "must specify a volume type");
    }
    return errs;
  }

  private static ErrorList validateSource(Volume v, String kind, Path field, String volName, String podName) {
    ErrorList errs = new ErrorList();
    switch (kind) {
      case "emptyDir" -> {
        if (v.getEmptyDir().getSizeLimit() != null && Quantities.valueOrZero(v.getEmptyDir().getSizeLimit()).signum() < 0) {
          errs.forbidden(field.child("emptyDir").child("sizeLimit"), "SizeLimit field must be a valid resource quantity");
        }
      }
      case "hostPath" -> {
        Path p = field.child("hostPath");
        String path = nz(v.getHostPath().getPath());
        if (path.isEmpty()) {
          return errs.required(p.child("path"), "");
        }
        errs.addAll(validatePathNoBacksteps(path, p.child("path")));
        String type = v.getHostPath().getType();
        if (type != null && !HOST_PATH_TYPES.contains(type)) {
          errs.notSupported(p.child("type"), type, List.of("", "BlockDevice", "CharDevice", "Directory",
              "DirectoryOrCreate", "File", "FileOrCreate", "Socket"));
        }
      }
      case "secret" -> {
        Path p = field.child("secret");
        if (nz(v.getSecret().getSecretName()).isEmpty()) {
          errs.required(p.child("secretName"), "");
        }
        errs.addAll(validateMode(v.getSecret().getDefaultMode(), p.child("defaultMode")));
        errs.addAll(validateItems(v.getSecret().getItems(), p.child("items")));
      }
      case "configMap" -> {
        Path p = field.child("configMap");
        if (nz(v.getConfigMap().getName()).isEmpty()) {
          errs.required(p.child("name"), "");
        }
        errs.addAll(validateMode(v.getConfigMap().getDefaultMode(), p.child("defaultMode")));
        errs.addAll(validateItems(v.getConfigMap().getItems(), p.child("items")));
      }
      case "persistentVolumeClaim" -> {
        if (nz(v.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
          errs.required(field.child("persistentVolumeClaim").child("claimName"), "");
        }
      }
      case "nfs" -> {
        Path p = field.child("nfs");
        if (nz(v.getNfs().getServer()).isEmpty()) {
          errs.required(p.child("server"), "");
        }
        String path = nz(v.getNfs().getPath());
        if (path.isEmpty()) {
          errs.required(p.child("path"), "");
        }
        if (!path.startsWith("/")) {
          errs.invalid(p.child("path"), path, "must be an absolute path");
        }
      }
      case "downwarAPI" -> {
        Path p = field.child("downwardAPI");
        errs.addAll(validateMode(v.getDownwardAPI().getDefaultMode(), p.child("defaultMode")));
        if (v.getDownwardAPI().getItems() != null) {
          for (DownwardAPIVolumeFile f : v.getDownwardAPI().getItems()) {
            errs.addAll(validateDownwardAPIVolumeFile(f, p));
          }
        }
      }
      case "projected" -> errs.addAll(validateProjected(v, field.child("projected")));
      case "csi" -> {
        String driver = nz(v.getCsi().getDriver());
        Path p = field.child("csi").child("driver");
        if (driver.isEmpty()) {
          errs.required(p, "");
        }
        if (Validation.len(driver) > 63) {
          errs.tooLong(p, 63);
        }
        errs.invalidEach(p, driver, Validation.isDNS1123Subdomain(driver.toLowerCase(java.util.Locale.ROOT)));
      }
      case "ephemeral" -> {
        Path p = field.child("ephemeral");
        if (v.getEphemeral().getVolumeClaimTemplate() == null) {
          errs.required(p.child("volumeClaimTemplate"), "");
        } else if (!podName.isEmpty() && !volName.isEmpty()) {
          String pvc = podName + "-" + volName;
          for (String msg : NameValidator.DNS_SUBDOMAIN.validate(pvc, false)) {
            errs.invalid(field.child("name"), volName, "PVC name \"" + pvc + "\": " + msg);
          }
        }
      }
      default -> {
        // in-tree cloud and network volumes: only their presence is checked here
      }
    }
    return errs;
  }

  private static ErrorList validateProjected(Volume v, Path field) {
    ErrorList errs = validateMode(v.getProjected().getDefaultMode(), field.child("defaultMode"));
    List<VolumeProjection> sources = v.getProjected().getSources() == null ? List.of() : v.getProjected().getSources();
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      VolumeProjection s = sources.get(i);
      Path src = field.child("sources").index(i);
      int num = 0;
      if (s.getSecret() != null) {
        num++;
        Path p = src.child("secret");
        if (nz(s.getSecret().getName()).isEmpty()) {
          errs.required(p.child("name"), "");
        }
        errs.addAll(validateProjectedItems(s.getSecret().getItems(), p.child("items"), paths, field,
            nz(s.getSecret().getName())));
      }
      if (s.getConfigMap() != null) {
        num++;
        Path p = src.child("configMap");
        if (nz(s.getConfigMap().getName()).isEmpty()) {
          errs.required(p.child("name"), "");
        }
        errs.addAll(validateProjectedItems(s.getConfigMap().getItems(), p.child("items"), paths, field,
            nz(s.getConfigMap().getName())));
      }
      if (s.getDownwardAPI() != null) {
        num++;
        Path p = src.child("downwardAPI");
        if (s.getDownwardAPI().getItems() != null) {
          for (DownwardAPIVolumeFile f : s.getDownwardAPI().getItems()) {
            errs.addAll(validateDownwardAPIVolumeFile(f, p));
            if (!nz(f.getPath()).isEmpty() && !paths.add(f.getPath())) {
              errs.invalid(field, f.getPath(), "conflicting duplicate paths");
            }
          }
        }
      }
      if (s.getServiceAccountToken() != null) {
        num++;
        Path p = src.child("serviceAccountToken");
        long exp = s.getServiceAccountToken().getExpirationSeconds() == null ? 0
            : s.getServiceAccountToken().getExpirationSeconds();
        if (exp < 600) {
          errs.invalid(p.child("expirationSeconds"), exp, "may not specify a duration less than 10 minutes");
        }
        if (exp > (1L << 32)) {
          errs.invalid(p.child("expirationSeconds"), exp, "may not specify a duration larger than 2^32 seconds");
        }
        String path = nz(s.getServiceAccountToken().getPath());
        if (path.isEmpty()) {
          errs.required(field.child("path"), "");
        } else {
          errs.addAll(validateLocalNonReservedPath(path, field.child("path")));
        }
      }
      if (s.getClusterTrustBundle() != null) {
        num++;
      }
      if (num > 1) {
        errs.forbidden(src, "may not specify more than 1 volume type per source");
      }
    }
    return errs;
  }

  private static ErrorList validateProjectedItems(List<KeyToPath> items, Path field, Set<String> paths,
      Path projected, String sourceName) {
    ErrorList errs = new ErrorList();
    if (items == null) {
      return errs;
    }
    for (int i = 0; i < items.size(); i++) {
      errs.addAll(validateKeyToPath(items.get(i), field.index(i)));
      String path = nz(items.get(i).getPath());
      if (!path.isEmpty() && !paths.add(path)) {
        errs.invalid(projected, sourceName, "conflicting duplicate paths");
      }
    }
    return errs;
  }

  private static ErrorList validateItems(List<KeyToPath> items, Path field) {
    ErrorList errs = new ErrorList();
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        errs.addAll(validateKeyToPath(items.get(i), field.index(i)));
      }
    }
    return errs;
  }

  private static ErrorList validateKeyToPath(KeyToPath kp, Path field) {
    ErrorList errs = new ErrorList();
    if (nz(kp.getKey()).isEmpty()) {
      errs.required(field.child("key"), "");
    }
    if (nz(kp.getPath()).isEmpty()) {
      errs.required(field.child("path"), "");
    }
    errs.addAll(validateLocalNonReservedPath(nz(kp.getPath()), field.child("path")));
    errs.addAll(validateMode(kp.getMode(), field.child("mode")));
    return errs;
  }

  private static ErrorList validateDownwardAPIVolumeFile(DownwardAPIVolumeFile f, Path field) {
    ErrorList errs = new ErrorList();
    if (nz(f.getPath()).isEmpty()) {
      errs.required(field.child("path"), "");
    }
    errs.addAll(validateLocalNonReservedPath(nz(f.getPath()), field.child("path")));
    if (f.getFieldRef() != null) {
      errs.addAll(EnvValidation.validateObjectFieldSelector(f.getFieldRef(), DOWNWARD_VOLUME_FIELDS,
          field.child("fieldRef")));
      if (f.getResourceFieldRef() != null) {
        errs.invalid(field, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
      }
    } else if (f.getResourceFieldRef() != null) {
      errs.addAll(EnvValidation.validateResourceFieldSelector(f.getResourceFieldRef(), field.child("resourceFieldRef"),
          true));
    } else {
      errs.required(field, "one of fieldRef and resourceFieldRef is required");
    }
    errs.addAll(validateMode(f.getMode(), field.child("mode")));
    return errs;
  }

  private static ErrorList validateMode(Integer mode, Path field) {
    ErrorList errs = new ErrorList();
    if (mode != null && (mode > 0777 || mode < 0)) {
      errs.invalid(field, mode, FILE_MODE_ERROR);
    }
    return errs;
  }

  /** {@code validateLocalDescendingPath}: relative, without {@code ..} elements. */
  static ErrorList validateLocalDescendingPath(String target, Path field) {
    ErrorList errs = new ErrorList();
    if (target.startsWith("/")) {
      errs.invalid(field, target, "must be a relative path");
    }
    errs.addAll(validatePathNoBacksteps(target, field));
    return errs;
  }

  static ErrorList validatePathNoBacksteps(String target, Path field) {
    ErrorList errs = new ErrorList();
    for (String part : target.replace('\\', '/').split("/", -1)) {
      if (part.equals("..")) {
        errs.invalid(field, target, "must not contain '..'");
        break;
      }
    }
    return errs;
  }

  /** {@code ValidateLocalNonReservedPath}: relative, no {@code ..} element, not starting with {@code ..}. */
  static ErrorList validateLocalNonReservedPath(String target, Path field) {
    ErrorList errs = validateLocalDescendingPath(target, field);
    if (target.startsWith("..") && !target.startsWith("../")) {
      errs.invalid(field, target, "must not start with '..'");
    }
    return errs;
  }

  /** Names of volumes that are claims (PVC or ephemeral), which alone may back a volumeDevice. */
  static List<String> claimVolumes(Map<String, Volume> volumes) {
    List<String> out = new ArrayList<>();
    volumes.forEach((n, v) -> {
      if (v.getPersistentVolumeClaim() != null || v.getEphemeral() != null) {
        out.add(n);
      }
    });
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
