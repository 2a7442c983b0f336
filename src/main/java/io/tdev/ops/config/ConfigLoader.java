package io.tdev.ops.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tdev.ops.model.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads an environment: the built-in {@code production} / {@code staging} YAML, then a config file whose
 * fields override it. Invalid config is an InvalidInputException naming the field path and allowed values.
 */
public final class ConfigLoader {
    /** The environments shipped in {@code resources/io/tdev/ops/env/}. */
    public static final List<String> BUILT_IN = List.of("production", "staging");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ConfigLoader() {
    }

    /**
     * The built-in environment {@code name}, overridden by {@code overrideFile} when not null. A name that is not
     * built in is a new environment: the file must then set every required field.
     */
    public static EnvironmentConfig load(String name, Path overrideFile) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.notAllowed("env", name == null ? "" : name, BUILT_IN);
        }
        boolean builtIn = BUILT_IN.contains(name);
        if (!builtIn && overrideFile == null) {
            throw new InvalidInputException("env", "got '" + name + "'; built-in environments: "
                    + String.join(", ", BUILT_IN) + " (or a config file that defines every field of a new environment)");
        }
        ObjectNode merged = builtIn ? readBuiltIn(name) : JsonNodeFactory.instance.objectNode();
        ObjectNode override = null;
        if (overrideFile != null) {
            override = readFile(overrideFile);
            String source = "config file " + overrideFile;
            JsonNode overrideName = override.get("name");
            if (overrideName != null && !overrideName.isNull() && !name.equals(overrideName.asText())) {
                throw new InvalidInputException("name", "the " + source + " sets '" + overrideName.asText()
                        + "' but the environment asked for is '" + name + "'; ask for environment '" + overrideName.asText()
                        + "' (--env " + overrideName.asText() + ")");
            }
            ConfigSchema.checkKeys(override, source);
            deepMerge(merged, override);
        }
        if (!merged.has("name") || merged.get("name").isNull()) {
            merged.put("name", name);
        }
        String where = overrideFile == null ? "built-in " + name : (builtIn ? "built-in " + name + " + " : "")
                + "config file " + overrideFile;
        ConfigSchema.checkKeys(merged, where);
        ConfigSchema.checkRequired(merged, builtIn ? where : "config file " + overrideFile
                + " (defines the new environment '" + name + "', so it must set every required field)");
        EnvironmentConfig config = bind(merged, where);
        ConfigValidator.validate(config, where);
        return config;
    }

    public static EnvironmentConfig builtIn(String name) {
        return load(name, null);
    }

    private static ObjectNode readBuiltIn(String name) {
        String resource = "/io/tdev/ops/env/" + name + ".yaml";
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in environment missing from the jar: " + resource);
            }
            return asObject(YAML.readTree(in), "built-in " + name);
        } catch (JsonProcessingException e) {
            throw syntaxError("built-in " + name, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static ObjectNode readFile(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("config", "no such file: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("config", "cannot read " + file + ": " + e.getMessage());
        }
        if (content.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return asObject(YAML.readTree(content), "config file " + file);
        } catch (JsonProcessingException e) {
            throw syntaxError("config file " + file, e);
        }
    }

    private static ObjectNode asObject(JsonNode node, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new InvalidInputException("config", source + " must be a YAML mapping of fields (name: value), got "
                    + switch (node.getNodeType()) {
                        case ARRAY -> "a list";
                        case STRING -> "a text value";
                        case NUMBER -> "a number";
                        case BOOLEAN -> "a boolean";
                        default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
                    });
        }
        return (ObjectNode) node;
    }

    private static InvalidInputException syntaxError(String source, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        // SnakeYAML's message repeats the location and quotes the source; keep its sentences only
        String problem = String.join("; ", e.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip).toList());
        return new InvalidInputException("config", source + ": YAML syntax error" + where + ": " + problem);
    }

    /** Objects merge field by field; scalars, lists and explicit nulls in {@code override} replace. */
    static void deepMerge(ObjectNode target, ObjectNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                deepMerge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static EnvironmentConfig bind(ObjectNode tree, String where) {
        try {
            return YAML.treeToValue(tree, EnvironmentConfig.class);
        } catch (MismatchedInputException e) {
            String path = ConfigSchema.path(e.getPath());
            JsonNode value = ConfigSchema.at(tree, e.getPath());
            String got = value == null || value.isMissingNode() ? "nothing" : "'" + value + "'";
            throw new InvalidInputException(path, "got " + got + "; expected " + ConfigSchema.expected(e.getTargetType())
                    + " (" + where + ")");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("config", where + ": " + e.getOriginalMessage());
        }
    }
}
