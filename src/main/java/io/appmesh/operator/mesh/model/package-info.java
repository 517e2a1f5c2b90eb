/**
 * The backend-neutral model of what one virtual node's proxy needs: its listeners, the virtual services it may call
 * and how each is provided, and the endpoints behind every target node. Built from the CRD objects by
 * {@link io.appmesh.operator.mesh.model.NodeModels} (pure; no cluster access), translated by a backend (the xDS
 * backend into Envoy resources). Absent optional settings stay {@code null}: the backend applies its own defaults.
 */
package io.appmesh.operator.mesh.model;
