package io.tdev.ops.backup;

/** Comparing DynamoDB's item counts and sizes, which it refreshes about every six hours: within a tolerance. */
final class Counts {
    private Counts() {
    }

    /** True when {@code a} and {@code b} differ by at most {@code percent} % of the larger. */
    static boolean within(long a, long b, double percent) {
        long larger = Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= larger * percent / 100.0;
    }

    static String compare(String what, long backup, long table) {
        long diff = backup - table;
        return what + " " + backup + " vs " + table + (diff == 0 ? " (same)" : " (" + (diff > 0 ? "+" : "") + diff + ")");
    }
}
