/**
 * The embedded xDS backend (issue 13). So far: the pure translation of a {@link io.appmesh.operator.mesh.model.NodeModel}
 * into the Envoy v3 resources App Mesh's management service served ({@link io.appmesh.operator.backend.xds.XdsTranslator}),
 * with App Mesh's names and hidden defaults ({@link io.appmesh.operator.backend.xds.AppMeshDefaults}). No server yet.
 */
package io.appmesh.operator.backend.xds;
