package io.appmesh.operator.webhook.pod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.appmesh.operator.config.InjectionConfig;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * Requests and limits of the injected containers: the sidecar flags, each overridden by the pod's cpuRequest,
 * memoryRequest, cpuLimit, memoryLimit annotation (proxyinit takes the flags only). Empty values are left out, and
 * so are {@code requests} / {@code limits} when both of their entries are empty.
 */
final class SidecarResources {

    /** Kubernetes' quantity grammar (apimachinery resource.ParseQuantity). */
    private static final Pattern QUANTITY = Pattern
            .compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?\\d+))?$");

    private SidecarResources() {
    }

    static ResourceRequirements forSidecar(Pod pod, InjectionConfig c) {
        return build(PodAnnotations.get(pod, PodAnnotations.CPU_REQUEST).orElse(c.sidecarCpuRequests().orElse("")),
                PodAnnotations.get(pod, PodAnnotations.MEMORY_REQUEST).orElse(c.sidecarMemoryRequests().orElse("")),
                PodAnnotations.get(pod, PodAnnotations.CPU_LIMIT).orElse(c.sidecarCpuLimits().orElse("")),
                PodAnnotations.get(pod, PodAnnotations.MEMORY_LIMIT).orElse(c.sidecarMemoryLimits().orElse("")));
    }

    static ResourceRequirements fromFlags(InjectionConfig c) {
        return build(c.sidecarCpuRequests().orElse(""), c.sidecarMemoryRequests().orElse(""), c.sidecarCpuLimits().orElse(""),
                c.sidecarMemoryLimits().orElse(""));
    }

    private static ResourceRequirements build(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        ResourceRequirements resources = new ResourceRequirements();
        list(cpuRequest, memoryRequest).ifPresent(resources::setRequests);
        list(cpuLimit, memoryLimit).ifPresent(resources::setLimits);
        return resources;
    }

    private static Optional<Map<String, Quantity>> list(String cpu, String memory) {
        Map<String, Quantity> list = new LinkedHashMap<>();
        if (!cpu.isEmpty()) {
            list.put("cpu", quantity(cpu));
        }
        if (!memory.isEmpty()) {
            list.put("memory", quantity(memory));
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(list);
    }

    private static Quantity quantity(String value) {
        if (!QUANTITY.matcher(value).matches()) {
            throw new AdmissionDenied(
                    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        return new Quantity(value);
    }
}
