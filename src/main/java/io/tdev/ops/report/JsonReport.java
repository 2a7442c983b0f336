package io.tdev.ops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tdev.ops.runbook.OpsResult;

import java.util.Map;

/** JSON of a result's map: the CLI's {@code --output json} and what other tools read. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(OpsResult result) {
        return render(result.toMap());
    }

    public static String render(Map<String, ?> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            // the maps hold plain JDK values only, so this is a programming error
            throw new IllegalStateException("result is not serialisable as JSON: " + e.getMessage(), e);
        }
    }
}
