package io.tdev.ops.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Identifiers (task ids, deployment ids, message ids, ...) derived from the scenario seed, the kind of id and a
 * per-kind counter, so that the same calls give the same ids whatever else ran in parallel.
 */
final class SimIds {
    private final long seed;
    private final Map<String, Integer> counters = new HashMap<>();

    SimIds(long seed) {
        this.seed = seed;
    }

    synchronized String uuid(String kind) {
        SplittableRandom r = next(kind);
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    synchronized String hex(String kind, int length) {
        SplittableRandom r = next(kind);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }

    synchronized String digits(String kind, int length) {
        SplittableRandom r = next(kind);
        StringBuilder sb = new StringBuilder(length);
        sb.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < length; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** An EC2-style id: {@code sg-} and 17 hex digits. */
    synchronized String hexId(String prefix) {
        return prefix + "-" + hex(prefix, 17);
    }

    /** A private address in the service's subnets (10.0.1-3.x), one per task. */
    synchronized String privateIp() {
        SplittableRandom r = next("ip");
        return "10.0." + (1 + r.nextInt(3)) + "." + (10 + r.nextInt(240));
    }

    private SplittableRandom next(String kind) {
        int n = counters.merge(kind, 1, Integer::sum);
        return new SplittableRandom(seed * 1_000_003L + kind.hashCode() * 7_919L + n);
    }

    /** A stable pseudo-random number in [0, 1) for a key: the noise of metric series before the simulation began. */
    static double noise(long seed, String key, long index) {
        return new SplittableRandom(seed * 31 + key.hashCode() * 1_000_003L + index).nextDouble();
    }
}
