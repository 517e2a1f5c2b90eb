package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Specifies any AWS Cloud Map information for the virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AWSCloudMapServiceDiscovery {

    @JsonPropertyDescription("A string map that contains attributes with values that you can use to filter instances by any custom attribute that you specified when you registered the instance")
    private List<AWSCloudMapInstanceAttribute> attributes;

    @JsonPropertyDescription("The name of the AWS Cloud Map namespace to use.")
    @Required
    @Size(min = 1, max = 1024)
    private String namespaceName;

    @JsonPropertyDescription("The name of the AWS Cloud Map service to use.")
    @Required
    @Size(min = 1, max = 1024)
    private String serviceName;

    public List<AWSCloudMapInstanceAttribute> getAttributes() {
        return attributes;
    }

    public void setAttributes(List<AWSCloudMapInstanceAttribute> attributes) {
        this.attributes = attributes;
    }

    public String getNamespaceName() {
        return namespaceName;
    }

    public void setNamespaceName(String namespaceName) {
        this.namespaceName = namespaceName;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        AWSCloudMapServiceDiscovery that = (AWSCloudMapServiceDiscovery) o;
        return Objects.equals(attributes, that.attributes) && Objects.equals(namespaceName, that.namespaceName)
                && Objects.equals(serviceName, that.serviceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, namespaceName, serviceName);
    }

    @Override
    public String toString() {
        return "AWSCloudMapServiceDiscovery{" + "attributes=" + attributes + ", " + "namespaceName=" + namespaceName + ", "
                + "serviceName=" + serviceName + "}";
    }
}
