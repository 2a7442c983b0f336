package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.TdevOps;

import java.util.Map;

/** One facade operation, e.g. {@code TdevOps::healthCheck}. */
@FunctionalInterface
interface EngineCall {
    Map<String, Object> call(TdevOps ops, Map<String, Object> args);
}
