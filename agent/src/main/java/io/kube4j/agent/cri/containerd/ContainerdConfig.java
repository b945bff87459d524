package io.kube4j.agent.cri.containerd;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a private containerd keeps everything, and the CRI settings this machine kind needs.
 *
 * @param dir          holds config.toml, containerd.sock, the log, root/, state/, runc/ and opt/;
 *                     keep it short: a unix socket path has at most 107 bytes
 * @param sandboxImage the pause image of every pod sandbox (kubelet's {@code --pod-infra-container-image})
 * @param cniConfDir   read for the first {@code *.conflist}: write it before start, or in place (see cni)
 * @param cniBinDir    the CNI plugins; Debian's containernetworking-plugins puts them in /usr/lib/cni
 * @param cgroupRoot   the cgroup under which pods get their cgroup parents; removed on close because
 *                     runc deletes only a container's own leaf
 * @param mirrors      registry host → mirror endpoint ({@code docker.io → http://127.0.0.1:5000})
 */
public record ContainerdConfig(Path dir, String sandboxImage, Path cniConfDir, Path cniBinDir, String cgroupRoot,
    Map<String, String> mirrors) {

  public static final String DEFAULT_SANDBOX_IMAGE = "registry.k8s.io/pause:3.9";
  public static final Path DEBIAN_CNI_BIN_DIR = Path.of("/usr/lib/cni");

  public ContainerdConfig {
    mirrors = Map.copyOf(mirrors);
    if (!cgroupRoot.startsWith("/")) {
      throw new IllegalArgumentException("cgroupRoot must be absolute: " + cgroupRoot);
    }
  }

  /** Everything under {@code dir}, CNI config in {@code dir/net.d}, pods under {@code cgroupRoot}. */
  public static ContainerdConfig under(Path dir, String cgroupRoot) {
    return new ContainerdConfig(dir.toAbsolutePath(), DEFAULT_SANDBOX_IMAGE, dir.toAbsolutePath().resolve("net.d"),
        DEBIAN_CNI_BIN_DIR, cgroupRoot, Map.of());
  }

  public ContainerdConfig withMirror(String registry, String endpoint) {
    Map<String, String> m = new LinkedHashMap<>(mirrors);
    m.put(registry, endpoint);
    return new ContainerdConfig(dir, sandboxImage, cniConfDir, cniBinDir, cgroupRoot, m);
  }

  public ContainerdConfig withSandboxImage(String image) {
    return new ContainerdConfig(dir, image, cniConfDir, cniBinDir, cgroupRoot, mirrors);
  }

  public Path socket() {
    return dir.resolve("containerd.sock");
  }

  /** The CRI endpoint kubelet would be given ({@code --container-runtime-endpoint}). */
  public String endpoint() {
    return "unix://" + socket();
  }

  public Path configFile() {
    return dir.resolve("config.toml");
  }

  public Path logFile() {
    return dir.resolve("containerd.log");
  }

  /**
   * The config.toml (version 2, containerd 1.6). Each setting that departs from the defaults says
   * why; {@code restrict_oom_score_adj} is the one without which nothing runs here.
   */
  public String toToml() {
    StringBuilder t = new StringBuilder();
    t.append("version = 2\n")
        .append("root = ").append(q(dir.resolve("root"))).append('\n')
        .append("state = ").append(q(dir.resolve("state"))).append('\n')
        .append("[grpc]\n  address = ").append(q(socket())).append('\n')
        .append("[ttrpc]\n  address = ").append(q(dir.resolve("containerd.sock.ttrpc"))).append('\n')
        .append("[debug]\n  address = \"\"\n[metrics]\n  address = \"\"\n")
        // its default, /opt/containerd, is shared with any other containerd on the machine
        .append("[plugins.\"io.containerd.internal.v1.opt\"]\n  path = ").append(q(dir.resolve("opt"))).append('\n')
        .append("[plugins.\"io.containerd.grpc.v1.cri\"]\n")
        .append("  sandbox_image = ").append(q(sandboxImage)).append('\n')
        // port 0: a free port on each start; callers learn it from the Exec/Attach/PortForward URLs
        .append("  stream_server_address = \"127.0.0.1\"\n  stream_server_port = \"0\"\n")
        .append("  enable_tls_streaming = false\n  disable_apparmor = true\n")
        // without CAP_SYS_RESOURCE runc cannot write the pause container's oom_score_adj (-998) and
        // every RunPodSandbox fails with "can't get final child's PID from pipe: EOF"; this clamps
        // the value to containerd's own instead
        .append("  restrict_oom_score_adj = true\n")
        .append("  [plugins.\"io.containerd.grpc.v1.cri\".containerd]\n")
        .append("    snapshotter = \"overlayfs\"\n    default_runtime_name = \"runc\"\n")
        .append("    [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n")
        .append("      runtime_type = \"io.containerd.runc.v2\"\n")
        .append("      [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n")
        // cgroupfs driver: cgroup parents are plain paths such as /kube4j/pod<uid>
        .append("        SystemdCgroup = false\n")
        // runc's default state root /run/containerd/runc/k8s.io would be shared with another containerd
        .append("        Root = ").append(q(dir.resolve("runc"))).append('\n')
        .append("  [plugins.\"io.containerd.grpc.v1.cri\".cni]\n")
        .append("    bin_dir = ").append(q(cniBinDir)).append('\n')
        .append("    conf_dir = ").append(q(cniConfDir)).append('\n')
        .append("    max_conf_num = 1\n");
    mirrors.forEach((registry, endpoint) -> t
        .append("  [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.").append(q(registry)).append("]\n")
        .append("    endpoint = [").append(q(endpoint)).append("]\n"));
    return t.toString();
  }

  private static String q(Object value) {
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
