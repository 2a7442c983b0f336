package io.tdev.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic ERROR lines of the T-Developer backend as CloudWatch Logs returns them: a timestamp, a request id, and
 * messages carrying UUIDs, hex request ids, numbers, ids, IPs and now and then a credential. Skewed like real
 * incidents: a few patterns make most of the lines. Seeded: the same count gives the same lines.
 */
final class ErrorLines {
    private ErrorLines() {
    }

    static List<String> generate(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(line(r, i));
        }
        return out;
    }

    private static String line(Random r, int i) {
        String ts = String.format(Locale.ROOT, "2026-11-26T09:%02d:%02d.%03dZ", (i / 6000) % 60, (i / 100) % 60, i % 1000);
        String prefix = ts + " ERROR [req-" + hex(r, 8) + "] ";
        int pick = r.nextInt(100);
        if (pick < 30) {
            return prefix + "Generation failed for project " + uuid(r) + ": timeout after " + (60000 + r.nextInt(5000))
                    + " ms in agent generation";
        } else if (pick < 50) {
            return prefix + "Agent search-agent returned HTTP 429 for request " + hex(r, 16) + ", retrying in "
                    + (500 + r.nextInt(1500)) + " ms (attempt " + (1 + r.nextInt(3)) + " of 3)";
        } else if (pick < 62) {
            return prefix + "Failed to upload project " + uuid(r) + " to s3://t-developer-projects-production/proj_"
                    + hex(r, 6) + "/app.zip: Read timed out after " + (30000 + r.nextInt(500)) + " ms";
        } else if (pick < 72) {
            return prefix + "DynamoDB ConditionalCheckFailedException on item project#" + uuid(r) + " version "
                    + r.nextInt(40) + " (consumed " + (1 + r.nextInt(5)) + ".5 WCU)";
        } else if (pick < 80) {
            return prefix + "Failed to load template registry from redis://10.0." + (1 + r.nextInt(3)) + "."
                    + (10 + r.nextInt(200)) + ":6379: Connection refused (attempt " + (1 + r.nextInt(5)) + " of 5)";
        } else if (pick < 86) {
            return prefix + "Unhandled exception: java.lang.NullPointerException: Cannot invoke "
                    + "\"io.tdev.agents.ComponentSpec.name()\" because \"spec\" is null at worker thread 0x"
                    + hex(r, 12);
        } else if (pick < 90) {
            return prefix + "Bedrock InvokeModel throttled for model anthropic.claude-v2 after " + r.nextInt(3000)
                    + " tokens, queue depth " + r.nextInt(120);
        } else if (pick < 93) {
            return prefix + "Health check /health returned 503: dependency decision-agent not ready after "
                    + (2 + r.nextInt(4)) + " attempts, task " + hex(r, 32);
        } else if (pick < 96) {
            return prefix + "Login failed for user " + r.nextInt(100000) + " with api_key=ak_live_" + hex(r, 24)
                    + " from 203.0.113." + (1 + r.nextInt(254));
        } else if (pick < 98) {
            return prefix + "Outbound call failed: Authorization: Bearer eyJ" + hex(r, 40) + " rejected by "
                    + "github.com (HTTP 401)";
        }
        return prefix + "Worker i-0" + hex(r, 16) + " exited with code " + (128 + r.nextInt(10)) + " after "
                + r.nextInt(86400) + " s, memory " + (400 + r.nextInt(600)) + " MiB";
    }

    private static String uuid(Random r) {
        return hex(r, 8) + "-" + hex(r, 4) + "-4" + hex(r, 3) + "-a" + hex(r, 3) + "-" + hex(r, 12);
    }

    private static String hex(Random r, int digits) {
        char[] c = new char[digits];
        for (int i = 0; i < digits; i++) {
            c[i] = Character.forDigit(r.nextInt(16), 16);
        }
        return new String(c);
    }
}
