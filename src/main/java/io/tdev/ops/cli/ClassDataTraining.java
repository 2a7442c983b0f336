package io.tdev.ops.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The training run of the class-data-sharing archive that {@code ./mvnw package} writes next to the jar
 * ({@code target/tdev-ops.jsa}, used by {@code bin/tdev-ops}): {@code java -XX:ArchiveClassesAtExit=... -cp
 * tdev-ops.jar io.tdev.ops.cli.ClassDataTraining}. It runs the commands people start most, in this JVM, so that the
 * classes they load (picocli's model, the engine, Jackson, the AWS SDK's clients, signing, protocols and HTTP client)
 * are archived already parsed and verified, and a later start maps them instead of loading them from the jar.
 *
 * <p>The AWS run goes to a loopback endpoint that refuses every call as AWS does when a policy denies it (HTTP 400,
 * {@code AccessDeniedException}): every signal's client is built and signs, marshals, sends and unmarshals an error,
 * nothing leaves the machine and no call is retried. Output is discarded; exit codes 0, 1 and 3 are all fine
 * (the AWS run is UNKNOWN by design), but invalid input (2) fails the build.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        HttpServer endpoint = deniedEndpoint();
        System.setOut(discard);
        System.setErr(discard);
        try {
            run("--version");
            run("--help");
            run("health", "--help");
            run("health", "--simulate");
            run("health", "--simulate", "--scenario", "bad-deploy", "--output", "json");
            run("rollback", "--simulate", "--target", "previous", "--dry-run", "--output", "markdown");
            run("demo", "--scenario", "good");
            run("health", "--region", "eu-west-1", "--max-attempts", "1",
                    "--endpoint-url", "http://127.0.0.1:" + endpoint.getAddress().getPort());
        } finally {
            endpoint.stop(0);
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Fails on invalid input (exit 2): the training's arguments went stale and would train on an error path. */
    private static void run(String... args) {
        int exit = Main.commandLine(new Main(), args).execute(args);
        if (exit == 2) {
            throw new IllegalStateException("training command rejected as invalid input: " + String.join(" ", args));
        }
    }

    /** Answers every request like an AWS API that the caller's IAM policy does not allow. */
    private static HttpServer deniedEndpoint() throws IOException {
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = ("{\"__type\":\"AccessDeniedException\",\"message\":\"training run: not authorized\"}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
