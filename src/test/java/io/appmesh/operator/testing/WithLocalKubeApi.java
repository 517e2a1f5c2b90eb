package io.appmesh.operator.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Runs the annotated {@code @QuarkusTest} against a fresh strict test API server ({@code sandbox.LocalKubeApi}), the one
 * the process tests and the {@code make run} sandbox use too: the application's {@code KubernetesClient} points at it.
 * Replaces Quarkus's {@code @WithKubernetesTestServer}, whose CRUD server accepts writes a real API server refuses.
 */
@QuarkusTestResource(LocalKubeApiResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithLocalKubeApi {
}
