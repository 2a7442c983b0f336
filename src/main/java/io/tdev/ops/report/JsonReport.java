package io.tdev.ops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;

/** JSON of a result's map: the CLI's {@code --output json} and what other tools read. */
public final class JsonReport {
    // times and durations as their ISO text, the way the result maps already carry them
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("time-as-text")
                    .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
                    .addSerializer(TemporalAmount.class, ToStringSerializer.instance));

    private JsonReport() {
    }

    /** Plain values ({@code PlainValues.of(result)}), or any record of plain values (the CLI's error object). */
    public static String render(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // the maps hold plain JDK values only, so this is a programming error
            throw new IllegalStateException("result is not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
