package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The QueryMatchMethod object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QueryMatchMethod {

    private String exact;

    public String getExact() {
        return exact;
    }

    public void setExact(String exact) {
        this.exact = exact;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        QueryMatchMethod that = (QueryMatchMethod) o;
        return Objects.equals(exact, that.exact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact);
    }

    @Override
    public String toString() {
        return "QueryMatchMethod{" + "exact=" + exact + "}";
    }
}
