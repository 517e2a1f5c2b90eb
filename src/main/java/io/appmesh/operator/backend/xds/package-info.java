/**
 * The embedded xDS backend (issue 13): the pure translation of a {@link io.appmesh.operator.mesh.model.NodeModel}
 * ({@link io.appmesh.operator.backend.xds.XdsTranslator}) and of a {@link io.appmesh.operator.mesh.model.GatewayModel}
 * ({@link io.appmesh.operator.backend.xds.GatewayTranslator}) into the Envoy v3 resources App Mesh's management service
 * served, with App Mesh's names and hidden defaults ({@link io.appmesh.operator.backend.xds.AppMeshDefaults}), and the
 * ADS server that serves them per virtual node and virtual gateway
 * ({@link io.appmesh.operator.backend.xds.XdsControlPlane}); docs/xds.md.
 */
package io.appmesh.operator.backend.xds;
