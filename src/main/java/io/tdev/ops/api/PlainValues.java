package io.tdev.ops.api;

import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinitionRef;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one codec from typed results to plain JDK values: records become maps keyed by their component names (in
 * declaration order), collections lists, enums their names, times and durations their ISO text, {@link Optional}
 * its value or null, a service or task definition reference its text. What comes out is what a Jenkins step may return to CPS-transformed Pipeline code and what the
 * CLI prints as JSON, so the two front ends cannot disagree on a key.
 */
public final class PlainValues {
    private PlainValues() {
    }

    /**
     * A record component left out of the plain form while it is null: a key that only some results carry (the
     * checklist's {@code wouldPass} exists only in a dry run), so callers keep testing for the key itself.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface OmittedWhenNull {
    }

    /** A map for a record, else the plain form of {@code value} (see the class comment). */
    public static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof TemporalAccessor || value instanceof Duration) {
            return value.toString();
        }
        if (value instanceof ServiceRef || value instanceof TaskDefinitionRef) {
            return value.toString(); // names people and AWS read as one text: cluster/service, family:revision
        }
        if (value instanceof Optional<?> optional) {
            return of(optional.orElse(null));
        }
        if (value instanceof Record record) {
            return record(record);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(of(k)), of(v)));
            return plain;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> plain = new ArrayList<>(collection.size());
            collection.forEach(element -> plain.add(of(element)));
            return plain;
        }
        if (value instanceof Object[] array) {
            return of(List.of(array));
        }
        // A type this codec does not know would reach CPS as an unserialisable object: fail where it is made.
        throw new IllegalArgumentException("not a plain value or record: " + value.getClass().getName());
    }

    /** The map of a result record. */
    public static Map<String, Object> map(Record result) {
        return record(result);
    }

    private static Map<String, Object> record(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(record, component);
            if (value == null && component.isAnnotationPresent(OmittedWhenNull.class)) {
                continue;
            }
            map.put(component.getName(), of(value));
        }
        return map;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
                    + component.getName(), e);
        }
    }
}
