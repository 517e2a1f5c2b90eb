package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The service discovery information for the virtual node. Optional if there is no
 * inbound traffic(no listeners). Mandatory if a listener is specified.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceDiscovery {

    @JsonPropertyDescription("Specifies any AWS Cloud Map information for the virtual node.")
    private AWSCloudMapServiceDiscovery awsCloudMap;

    @JsonPropertyDescription("Specifies the DNS information for the virtual node.")
    private DNSServiceDiscovery dns;

    public AWSCloudMapServiceDiscovery getAwsCloudMap() {
        return awsCloudMap;
    }

    public void setAwsCloudMap(AWSCloudMapServiceDiscovery awsCloudMap) {
        this.awsCloudMap = awsCloudMap;
    }

    public DNSServiceDiscovery getDns() {
        return dns;
    }

    public void setDns(DNSServiceDiscovery dns) {
        this.dns = dns;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ServiceDiscovery that = (ServiceDiscovery) o;
        return Objects.equals(awsCloudMap, that.awsCloudMap) && Objects.equals(dns, that.dns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsCloudMap, dns);
    }

    @Override
    public String toString() {
        return "ServiceDiscovery{" + "awsCloudMap=" + awsCloudMap + ", " + "dns=" + dns + "}";
    }
}
