package io.appmesh.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.appmesh.operator.sandbox.LocalOperator;

/**
 * The image users deploy ({@code make image}), run as the generated Deployment runs it: read-only root filesystem,
 * non-root, no capabilities, the webhook certificate mounted where the Deployment mounts it; host network to reach the
 * sandbox's API server and AWS front on loopback. Every scenario of {@link PackagedOperatorProcessIT} (readiness, CRD
 * and pod admission through the webhooks, the sample mesh and the other kinds reconciled to Active, Cloud Map), then
 * SIGTERM: the container must exit promptly. {@code make test-native} names the image
 * ({@code -Dappmesh.operator.image}); without it, or without a container engine, the class is skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageProcessIT extends PackagedOperatorProcessIT {

    /** What the Deployment's terminationGracePeriodSeconds (30 s) allows, with room to spare. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    /** Hides {@link PackagedOperatorProcessIT#start()}: the operator comes from the image. */
    @BeforeAll
    static void start() throws Exception {
        LocalOperator.Image image = LocalOperator.Image.fromSystemProperties();
        String unavailable = image == null
                ? "no container image named (-Dappmesh.operator.image, set by make test-native after make image)"
                : image.unavailable();
        if (unavailable != null) {
            System.out.println("ContainerImageProcessIT skipped: " + unavailable);
        }
        assumeTrue(unavailable == null, unavailable);
        start(image, Path.of("target/image-operator.log"));
        System.out.printf("image %s: ready %d ms after `%s run`, RSS %d MiB%n", image.name(),
                operator.readyAfter().toMillis(), image.engine(), operator.rssMiB());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void sigtermStopsTheContainerPromptly() throws Exception {
        System.out.printf("image: RSS %d MiB after the scenarios%n", operator.rssMiB());
        long started = System.nanoTime();
        // The engine's `run` relays the signal to the container's process, as the kubelet's stop does.
        operator.process().destroy();
        assertThat(operator.process().waitFor(PROMPT.toSeconds(), TimeUnit.SECONDS)).as("exited within " + PROMPT)
                .isTrue();
        Duration stopped = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("image: exited %d ms after SIGTERM with status %d%n", stopped.toMillis(),
                operator.process().exitValue());
        // 143: ended by SIGTERM after the shutdown hooks ran (128 + 15), as the JVM and the native executable do.
        assertThat(operator.process().exitValue()).isEqualTo(143);
    }
}
