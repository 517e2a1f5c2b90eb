package io.appmesh.operator.webhook.pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.appmesh.operator.config.InjectionConfig;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The {@code xray-daemon} sidecar, with enable-xray-tracing: UDP port, AWS_REGION, sidecar
 * resources, and either the daemon config file from the xrayAgentConfigMount annotation or the log-level / role-arn
 * arguments. Skipped when the pod already has one.
 */
final class XrayDaemon implements PodMutation {

    static final String NAME = "xray-daemon";
    private static final Set<String> LOG_LEVELS = Set.of("dev", "debug", "info", "prod", "warn", "error");
    private static final java.util.regex.Pattern ARN = java.util.regex.Pattern.compile("^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$");

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        InjectionConfig c = context.config();
        if (!c.enableXrayTracing() || pod.getSpec().getContainers().stream().anyMatch(x -> NAME.equals(x.getName()))) {
            return;
        }
        checkSettings(context);
        ContainerBuilder xray = new ContainerBuilder()
                .withName(NAME)
                .withImage(c.xrayImage().orElseThrow())
                .withNewSecurityContext().withRunAsUser(EnvoySidecar.PROXY_UID).endSecurityContext()
                .addNewPort().withName("xray").withContainerPort(c.xrayDaemonPort()).withProtocol("UDP").endPort()
                .addNewEnv().withName("AWS_REGION").withValue(context.region()).endEnv()
                .withResources(SidecarResources.forSidecar(pod, c));
        var configMount = PodAnnotations.get(pod, PodAnnotations.XRAY_AGENT_CONFIG_MOUNT);
        if (configMount.isPresent()) {
            String value = configMount.get();
            if (value.contains(",")) {
                throw new AdmissionDenied("provide only one config mount for annotation \""
                        + PodAnnotations.XRAY_AGENT_CONFIG_MOUNT + ": " + value + "\"");
            }
            String[] pair = value.split(":", -1);
            if (pair.length != 2) {
                throw new AdmissionDenied("malformed annotation \"" + PodAnnotations.XRAY_AGENT_CONFIG_MOUNT
                        + "\", expected format: volumeName:mountPath");
            }
            String path = pair[1].trim();
            xray.addNewVolumeMount().withName(pair[0].trim()).withMountPath(path).withReadOnly(true).endVolumeMount()
                    .withCommand("/xray", "--config", path.replaceAll("[/ ]+$", "") + "/xray-daemon.yaml");
        } else {
            xray.withArgs(arguments(c));
        }
        Container container = xray.build();
        pod.getSpec().getContainers().add(container);
    }

    private static void checkSettings(InjectionContext context) {
        List<String> missing = new ArrayList<>();
        if (context.region().isEmpty()) {
            missing.add("AWSRegion");
        }
        if (context.config().xrayImage().isEmpty()) {
            missing.add("xRayImage");
        }
        if (context.config().xrayDaemonPort() == 0) {
            missing.add("xRayDaemonPort");
        }
        if (!missing.isEmpty()) {
            throw new AdmissionDenied("Missing configuration parameters: " + String.join(",", missing));
        }
    }

    private static List<String> arguments(InjectionConfig c) {
        List<String> args = new ArrayList<>();
        String level = c.xrayLogLevel();
        if (!level.isEmpty() && !level.equals("prod")) {
            if (!LOG_LEVELS.contains(level)) {
                throw new AdmissionDenied("tracing.logLevel: \"" + level
                        + "\" is not valid. Set one of dev, debug, info, prod, warn, error");
            }
            args.add("--log-level");
            args.add(level);
        }
        c.xrayConfigRoleArn().filter(arn -> !arn.isEmpty()).ifPresent(arn -> {
            if (!ARN.matcher(arn).matches()) {
                throw new AdmissionDenied("tracing.role: \"" + arn + "\" is not a valid `--role-arn`. "
                        + "Please refer to AWS X-Ray Documentation for more information");
            }
            args.add("--role-arn");
            args.add(arn);
        });
        return args;
    }
}
