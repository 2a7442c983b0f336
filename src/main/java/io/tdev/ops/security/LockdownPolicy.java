package io.tdev.ops.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook's emergency bucket policy: deny every S3 action on the bucket and its objects to every principal but
 * the break-glass role. A Deny wins over any Allow, so nothing in IAM policies can read the data while it stands;
 * the break-glass role is only exempt from the Deny, it still needs its own Allow. A role given by name matches that
 * role in any account ({@code arn:aws:iam::*:role/NAME}): safe, because the lockdown replaces every statement that
 * could have allowed another account in.
 */
final class LockdownPolicy {
    static final String SID = "TdevOpsEmergencyLockdown";
    private static final Pattern SIDS = Pattern.compile("\"Sid\"\\s*:\\s*\"([^\"]*)\"");

    private LockdownPolicy() {
    }

    static String json(String bucket, String breakGlassRole) {
        String arn = "arn:aws:s3:::" + bucket;
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + SID + "\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],"
                + "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"" + roleArn(breakGlassRole) + "\"}}}]}";
    }

    static String roleArn(String breakGlassRole) {
        return breakGlassRole.startsWith("arn:") ? breakGlassRole : "arn:aws:iam::*:role/" + breakGlassRole;
    }

    /** True when the policy is a lockdown of ours (whoever's break-glass role it names). */
    static boolean isLockdown(String policy) {
        return policy != null && sids(policy).contains(SID);
    }

    /** What a policy is, for the audit trail: never the whole text. */
    static String describe(String policy) {
        if (policy == null) {
            return "no bucket policy";
        }
        if (isLockdown(policy)) {
            return "the emergency lockdown policy (" + SID + ")";
        }
        List<String> sids = sids(policy);
        return "a policy of " + policy.length() + " characters" + (sids.isEmpty() ? "" : ", statements " + sids);
    }

    private static List<String> sids(String policy) {
        List<String> sids = new ArrayList<>();
        Matcher m = SIDS.matcher(policy);
        while (m.find()) {
            sids.add(m.group(1));
        }
        return sids;
    }

    /**
     * The same policy, whitespace aside: S3 may hand back a policy laid out differently from how it was put. Only
     * whitespace outside JSON strings is dropped, so two policies that differ in any value still differ.
     */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return compact(a).equals(compact(b));
    }

    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
