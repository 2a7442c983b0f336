package io.tdev.ops.vars

import io.tdev.ops.model.InvalidInputException

import java.time.Duration
import java.time.Instant
import java.time.format.DateTimeParseException

/**
 * One call of a plugin step, its argument map read the way Jenkins binds it to the step's {@code @DataBoundConstructor}
 * and {@code @DataBoundSetter} parameters (structs' DescribableModel): a name the step does not have fails the call,
 * listing the valid ones; a value is converted only where Jenkins converts it (a GString to a String, a whole number to
 * an Integer), else the call fails naming the parameter and the type it takes. What the value means is not checked
 * here: the request records check that themselves, as they do for the plugin and the CLI.
 *
 * <p>The one reader from the vars' argument maps to the engine's requests in these tests (issue 8: maps only at the
 * edges). A {@code null} value is an absent one, as the vars leave nulls out ({@code tdevSettings.stepArgs}).
 */
class StepCall {
    /** The parameters every tdev step has (the plugin's TdevStep): where it runs, not what it does. */
    static final List<String> WHERE = ['environment', 'configFile', 'region', 'credentialsId', 'roleArn', 'endpointUrl']

    final String step
    /** The step's own arguments (without {@link #WHERE}), as given: what a scripted answer sees. */
    final Map<String, Object> args

    private StepCall(String step, Map<String, Object> args) {
        this.step = step
        this.args = args
    }

    /** {@code given} read as arguments of {@code step}, whose own parameters are {@code parameters}. */
    static StepCall of(String step, Map given, List<String> parameters) {
        List<String> unknown = given.keySet().collect { String.valueOf(it) }.findAll { !(it in parameters) && !(it in WHERE) }
        if (unknown) {
            throw new AbortException("${step}: unknown parameter(s) ${unknown.sort().join(', ')}; valid parameters: "
                    + (parameters + WHERE).sort().join(', '))
        }
        Map<String, Object> own = new LinkedHashMap<>()
        given.each { k, v ->
            if (!(k in WHERE) && v != null) {
                own[(String) k] = v instanceof CharSequence ? v.toString() : v
            }
        }
        return new StepCall(step, own)
    }

    boolean has(String name) {
        args.containsKey(name)
    }

    /** A String parameter, trimmed, empty as absent (the plugin's setters: {@code Util.fixEmptyAndTrim}). */
    String text(String name) {
        Object v = args[name]
        if (v == null) {
            return null
        }
        String s = ((String) typed(name, v, String)).trim()
        return s.isEmpty() ? null : s
    }

    /** A Boolean or boolean parameter; absent is false. */
    boolean flag(String name) {
        Object v = args[name]
        v == null ? false : (boolean) typed(name, v, Boolean)
    }

    /** A Boolean parameter whose absence the step tells apart from false. */
    Boolean optionalFlag(String name) {
        Object v = args[name]
        v == null ? null : (Boolean) typed(name, v, Boolean)
    }

    /** An Integer or int parameter: any whole number (Groovy's coercion of a Number to Integer); absent: {@code fallback}. */
    Integer whole(String name, Integer fallback = null) {
        Object v = args[name]
        if (v == null) {
            return fallback
        }
        if (!(v instanceof Number) || v.doubleValue() != Math.rint(v.doubleValue())
                || Math.abs(v.doubleValue()) > Integer.MAX_VALUE) {
            throw wrongType(name, v, Integer)
        }
        return ((Number) v).intValue()
    }

    /** An {@code int} constructor parameter: Jenkins has no default for it, so the call must pass it. */
    int requiredWhole(String name) {
        Integer n = whole(name)
        if (n == null) {
            throw new AbortException("${step}: ${name} is required (an int); pass an explicit value for ${name}")
        }
        return n
    }

    /** A Double parameter. */
    Double number(String name) {
        Object v = args[name]
        if (v == null) {
            return null
        }
        if (!(v instanceof Number)) {
            throw wrongType(name, v, Double)
        }
        return ((Number) v).doubleValue()
    }

    /** A List<String> parameter; absent is empty. */
    List<String> texts(String name) {
        Object v = args[name]
        if (v == null) {
            return []
        }
        List list = (List) typed(name, v, List)
        list.each { typed(name, it, String) }
        return list.collect { it.toString() }
    }

    /** An ISO-8601 instant given as a String parameter (the plugin parses it before the engine opens). */
    Instant instant(String name) {
        String s = text(name)
        if (s == null) {
            return null
        }
        try {
            return Instant.parse(s)
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "got '${s}'; allowed: an ISO-8601 instant such as 2026-11-26T09:00:00Z")
        }
    }

    /** An Integer parameter counting {@code unit}s, as a Duration. */
    Duration duration(String name, Duration unit) {
        Integer n = whole(name)
        n == null ? null : unit.multipliedBy(n)
    }

    /**
     * A list of Waiver describables ({@code [item: ..., reason: ...]}), as item -> reason; anything else fails as the
     * binder fails on a map that is not a Waiver.
     */
    Map<String, String> waivers(String name) {
        Object v = args[name]
        if (v == null) {
            return [:]
        }
        if (!(v instanceof List) || !v.every { it instanceof Map && it.keySet() == ['item', 'reason'] as Set }) {
            throw new AbortException("${step}: ${name} must be a list of [item: ..., reason: ...]; got '${v}'")
        }
        Map<String, String> map = new LinkedHashMap<>()
        v.each { Map w -> map[String.valueOf(w.item)] = String.valueOf(w.reason) }
        return map
    }

    private Object typed(String name, Object v, Class type) {
        if (!type.isInstance(v)) {
            throw wrongType(name, v, type)
        }
        return v
    }

    private AbortException wrongType(String name, Object v, Class type) {
        new AbortException("${step}: ${name} expects ${type.simpleName} but received ${v.getClass().simpleName} '${v}'")
    }
}
