package io.jenkins.plugins.tdevops;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS SDK modules this plugin bundles (dynamodb, applicationautoscaling, rds, route53: no aws-java-sdk2 plugin
 * provides them) run on the SDK core that the aws-java-sdk2-core plugin provides. A module newer than that core may
 * call core code that is not there; a core that moved on without anybody looking at the modules drifts apart. This
 * check runs in the plugin's build (surefire passes the pom's {@code aws.sdk.version} and
 * {@code aws.sdk.route53.version}) and fails on either.
 */
class BundledSdkVersionsTest {
    /** The pom's hpi.bundledArtifacts less tdev-ops, with the pom property that declares each one's version. */
    private static final Map<String, String> BUNDLED = Map.of(
            "applicationautoscaling", "aws.sdk.version",
            "dynamodb", "aws.sdk.version",
            "rds", "aws.sdk.version",
            "route53", "aws.sdk.route53.version");

    @Test
    void theBundledModulesMatchTheSdkCoreTheAwsJavaSdk2PluginProvides() throws IOException {
        String declaredCore = property("aws.sdk.version");
        Map<String, String> declared = new LinkedHashMap<>();
        Map<String, String> bundled = new LinkedHashMap<>();
        for (Map.Entry<String, String> module : BUNDLED.entrySet()) {
            declared.put(module.getKey(), property(module.getValue()));
            bundled.put(module.getKey(), versionOnClassPath(module.getKey()));
        }
        List<String> problems = problems(declaredCore, VersionInfo.SDK_VERSION, declared, bundled);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aModuleNewerThanTheCoreOrACoreThatMovedIsReported() {
        assertEquals(List.of(), problems("2.42.33", "2.42.33",
                Map.of("route53", "2.41.34"), Map.of("route53", "2.41.34")));
        assertEquals(List.of("route53 2.43.1 is newer than the SDK core 2.42.33 that aws-java-sdk2-core provides"),
                problems("2.42.33", "2.42.33", Map.of("route53", "2.43.1"), Map.of("route53", "2.43.1")));
        assertEquals(List.of("aws-java-sdk2-core provides SDK core 2.44.0 but aws.sdk.version is 2.42.33: set "
                        + "aws.sdk.version to 2.44.0 and move the bundled modules to it (or the newest release not above it)"),
                problems("2.42.33", "2.44.0", Map.of("rds", "2.42.33"), Map.of("rds", "2.42.33")));
        assertEquals(List.of("rds is 2.40.2 on the class path but the pom declares 2.42.33"),
                problems("2.42.33", "2.42.33", Map.of("rds", "2.42.33"), Map.of("rds", "2.40.2")));
    }

    /**
     * What is wrong: the provided core is not the declared {@code aws.sdk.version} (the core moved: look at the modules
     * again); a bundled module is not at its declared version, or is newer than the core. A module declared at
     * {@code aws.sdk.version} is then exactly at the core's version.
     */
    static List<String> problems(String declaredCore, String providedCore, Map<String, String> declared,
                                 Map<String, String> bundled) {
        List<String> problems = new ArrayList<>();
        if (!declaredCore.equals(providedCore)) {
            problems.add("aws-java-sdk2-core provides SDK core " + providedCore + " but aws.sdk.version is "
                    + declaredCore + ": set aws.sdk.version to " + providedCore
                    + " and move the bundled modules to it (or the newest release not above it)");
        }
        for (Map.Entry<String, String> module : new TreeMap<>(declared).entrySet()) {
            String name = module.getKey();
            String version = bundled.get(name);
            if (!module.getValue().equals(version)) {
                problems.add(name + " is " + version + " on the class path but the pom declares " + module.getValue());
            } else if (compare(version, providedCore) > 0) {
                problems.add(name + " " + version + " is newer than the SDK core " + providedCore
                        + " that aws-java-sdk2-core provides");
            }
        }
        return problems;
    }

    /** Compares dotted numeric versions (2.41.34 < 2.42.33). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** The version Maven recorded in the module jar's pom.properties. */
    private static String versionOnClassPath(String module) throws IOException {
        String resource = "META-INF/maven/software.amazon.awssdk/" + module + "/pom.properties";
        try (InputStream in = BundledSdkVersionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "missing";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(), name + " is not set: run this test through the plugin's Maven "
                + "build (surefire's systemPropertyVariables pass it from the pom)");
        return value;
    }
}
