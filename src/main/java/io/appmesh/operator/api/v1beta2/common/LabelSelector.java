package io.appmesh.operator.api.v1beta2.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * NamespaceSelector selects Namespaces using labels to designate mesh membership.
 * This field follows standard label selector semantics:
 * 	if present but empty, it selects all namespaces.
 * 	if absent, it selects no namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LabelSelector {

    @JsonPropertyDescription("matchExpressions is a list of label selector requirements. The requirements are ANDed.")
    private List<LabelSelectorRequirement> matchExpressions;

    @JsonPropertyDescription("matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels\nmap is equivalent to an element of matchExpressions, whose key field is \"key\", the\noperator is \"In\", and the values array contains only \"value\". The requirements are ANDed.")
    private Map<String, String> matchLabels;

    public List<LabelSelectorRequirement> getMatchExpressions() {
        return matchExpressions;
    }

    public void setMatchExpressions(List<LabelSelectorRequirement> matchExpressions) {
        this.matchExpressions = matchExpressions;
    }

    public Map<String, String> getMatchLabels() {
        return matchLabels;
    }

    public void setMatchLabels(Map<String, String> matchLabels) {
        this.matchLabels = matchLabels;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        LabelSelector that = (LabelSelector) o;
        return Objects.equals(matchExpressions, that.matchExpressions) && Objects.equals(matchLabels, that.matchLabels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchExpressions, matchLabels);
    }

    @Override
    public String toString() {
        return "LabelSelector{" + "matchExpressions=" + matchExpressions + ", " + "matchLabels=" + matchLabels + "}";
    }
}
