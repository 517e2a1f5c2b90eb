package io.appmesh.operator.webhook.pod;

import io.appmesh.operator.config.InjectionConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The SPIRE agent socket envoy fetches certificates from (SDS): with enable-sds, unless the pod says
 * {@code appmesh.k8s.aws/sds: disabled}, a hostPath Socket volume mounted into envoy at the same path (a pod that
 * already has a hostPath volume on that path keeps it, and envoy mounts that one).
 */
final class SdsSocket {

    static final String VOLUME = "appmesh-sds-socket-volume";

    private SdsSocket() {
    }

    static boolean enabled(Pod pod, InjectionConfig c) {
        return c.enableSds() && !PodAnnotations.isDisabled(pod, PodAnnotations.SDS);
    }

    static void mount(Pod pod, Container envoy, InjectionConfig c) {
        if (!enabled(pod, c)) {
            return;
        }
        String path = c.sdsUdsPath();
        // A pod that already mounts the socket's host path keeps its volume; envoy mounts that one.
        String volume = pod.getSpec().getVolumes().stream()
                .filter(v -> v.getHostPath() != null && path.equals(v.getHostPath().getPath()))
                .map(Volume::getName).findFirst().orElse(null);
        if (volume == null) {
            volume = VOLUME;
            pod.getSpec().getVolumes().add(new VolumeBuilder().withName(VOLUME).withNewHostPath().withPath(path)
                    .withType("Socket").endHostPath().build());
        }
        String name = volume;
        if (envoy.getVolumeMounts().stream().noneMatch(m -> path.equals(m.getMountPath()))) {
            envoy.getVolumeMounts().add(new VolumeMountBuilder().withName(name).withMountPath(path).build());
        }
    }
}
