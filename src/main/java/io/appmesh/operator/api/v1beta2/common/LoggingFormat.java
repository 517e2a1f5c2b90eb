package io.appmesh.operator.api.v1beta2.common;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Structured access log output format
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoggingFormat {

    @JsonPropertyDescription("Output specified fields as a JSON object")
    private List<JSONKeyValue> json;

    @JsonPropertyDescription("Custom format string")
    private String text;

    public List<JSONKeyValue> getJson() {
        return json;
    }

    public void setJson(List<JSONKeyValue> json) {
        this.json = json;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        LoggingFormat that = (LoggingFormat) o;
        return Objects.equals(json, that.json) && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json, text);
    }

    @Override
    public String toString() {
        return "LoggingFormat{" + "json=" + json + ", " + "text=" + text + "}";
    }
}
