package io.tdev.ops.security;

import io.tdev.ops.model.PreconditionFailedException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bucket policy a lockdown replaced, as kept in Secrets Manager: a few header lines a person can read in the
 * console, a blank line, then the policy exactly as S3 returned it (nothing after the blank line when the bucket had
 * none). Lossless by construction: the policy is never parsed or re-serialised, so a restore puts back the very
 * text that was there.
 *
 * <pre>
 * tdev-ops bucket policy backup v1
 * bucket: t-developer-projects-production
 * state: LOCKED_DOWN
 * savedAt: 2026-11-26T09:00:00Z
 * savedBy: alice
 * hadPolicy: true
 *
 * {"Version":"2012-10-17","Statement":[...]}
 * </pre>
 *
 * @param state  LOCKED_DOWN while the lockdown stands (a second lockdown must not replace this copy), RESTORED once
 *               the policy is back (the next lockdown may save a new copy, as a new secret version)
 * @param policy the replaced policy, or null when the bucket had none
 */
record SavedPolicy(String bucket, State state, Instant savedAt, String savedBy, String policy) {
    static final String HEADER = "tdev-ops bucket policy backup v1";

    enum State { LOCKED_DOWN, RESTORED }

    boolean hadPolicy() {
        return policy != null;
    }

    SavedPolicy restored() {
        return new SavedPolicy(bucket, State.RESTORED, savedAt, savedBy, policy);
    }

    String document() {
        return HEADER + "\nbucket: " + bucket + "\nstate: " + state + "\nsavedAt: " + savedAt + "\nsavedBy: "
                + savedBy + "\nhadPolicy: " + hadPolicy() + "\n\n" + (policy == null ? "" : policy);
    }

    /** Reads a document written by {@link #document()}; anything else is refused (a person must look at it). */
    static SavedPolicy parse(String document, String secret) {
        int blank = document.indexOf("\n\n");
        String[] lines = (blank < 0 ? document : document.substring(0, blank)).split("\n");
        if (blank < 0 || !lines[0].equals(HEADER)) {
            throw unreadable(secret, "it does not start with '" + HEADER + "' and a header");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon < 0) {
                throw unreadable(secret, "header line '" + lines[i] + "' is not 'key: value'");
            }
            fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
        }
        try {
            boolean hadPolicy = Boolean.parseBoolean(required(fields, "hadPolicy", secret));
            String policy = document.substring(blank + 2);
            if (hadPolicy == policy.isEmpty()) {
                throw unreadable(secret, "hadPolicy is " + hadPolicy + " but the policy text is "
                        + (policy.isEmpty() ? "empty" : "there"));
            }
            return new SavedPolicy(required(fields, "bucket", secret),
                    State.valueOf(required(fields, "state", secret)),
                    Instant.parse(required(fields, "savedAt", secret)), required(fields, "savedBy", secret),
                    hadPolicy ? policy : null);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw unreadable(secret, e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String key, String secret) {
        String value = fields.get(key);
        if (value == null) {
            throw unreadable(secret, "it has no '" + key + "' line");
        }
        return value;
    }

    private static PreconditionFailedException unreadable(String secret, String why) {
        return new PreconditionFailedException("secret " + secret + " is not a tdev-ops bucket policy backup ("
                + why + "); nothing was changed: look at it in the Secrets Manager console before going on");
    }
}
