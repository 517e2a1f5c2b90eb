package io.appmesh.operator.backend;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.appmesh.operator.backend.aws.AwsMeshBackend;
import io.appmesh.operator.backend.aws.cloudmap.CloudMapRegistrar;
import io.appmesh.operator.backend.xds.XdsEndpointRegistry;
import io.appmesh.operator.backend.xds.XdsMeshBackend;
import io.appmesh.operator.config.OperatorConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The one place where {@code appmesh.backend} chooses what realises the mesh: the {@link MeshBackend} the reconcilers
 * call and the {@link EndpointRegistry} that publishes the pods of registry-discovered VirtualNodes. The
 * implementations are beans of their own class only ({@code @Typed}), so nothing can inject one past this choice.
 */
@ApplicationScoped
public class Backends {

    public static final String AWS = "aws";
    public static final String XDS = "xds";
    static final List<String> KNOWN = List.of(AWS, XDS);

    /** Checked at start-up, so that a typo stops the operator with a clear message instead of at the first reconcile. */
    void check(@Observes StartupEvent event, OperatorConfig config) {
        chosen(config);
    }

    static String chosen(OperatorConfig config) {
        String backend = config.backend().trim();
        if (!KNOWN.contains(backend)) {
            throw new IllegalArgumentException("appmesh.backend=" + config.backend() + " is not a backend; choose one of "
                    + KNOWN);
        }
        return backend;
    }

    @Produces
    @ApplicationScoped
    MeshBackend meshBackend(OperatorConfig config, Instance<AwsMeshBackend> aws, Instance<XdsMeshBackend> xds) {
        return switch (chosen(config)) {
            case AWS -> aws.get();
            case XDS -> xds.get();
            default -> throw new IllegalStateException("no MeshBackend for " + config.backend());
        };
    }

    @Produces
    @ApplicationScoped
    EndpointRegistry endpointRegistry(OperatorConfig config, Instance<CloudMapRegistrar> cloudMap,
            Instance<XdsEndpointRegistry> xds) {
        return switch (chosen(config)) {
            case AWS -> cloudMap.get();
            case XDS -> xds.get();
            default -> throw new IllegalStateException("no EndpointRegistry for " + config.backend());
        };
    }
}
