package io.appmesh.operator.api.v1beta2.common;

/**
 * The spec of a kind with an App Mesh object, named by {@code spec.awsName} (defaulted on CREATE, immutable after).
 * Not an upstream type: it lets the webhooks and reconcilers treat the kinds alike.
 */
public interface AwsNamed {

    String getAwsName();

    void setAwsName(String awsName);
}
