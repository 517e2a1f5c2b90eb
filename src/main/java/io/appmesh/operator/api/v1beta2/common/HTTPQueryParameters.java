package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * HTTPQueryParameters refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpQueryParameter.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPQueryParameters {

    @JsonPropertyDescription("The QueryMatchMethod object.")
    private QueryMatchMethod match;

    @Required
    private String name;

    public QueryMatchMethod getMatch() {
        return match;
    }

    public void setMatch(QueryMatchMethod match) {
        this.match = match;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPQueryParameters that = (HTTPQueryParameters) o;
        return Objects.equals(match, that.match) && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(match, name);
    }

    @Override
    public String toString() {
        return "HTTPQueryParameters{" + "match=" + match + ", " + "name=" + name + "}";
    }
}
