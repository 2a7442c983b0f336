package io.tdev.ops.incident;

import io.tdev.ops.api.incident.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the diagnosis found that decides the remedies; filled by reads running in parallel, hence synchronized. */
final class Evidence {
    /** A deployment that began shortly before the outage: its revision and start, or null. */
    private String suspectRevision;
    private Instant suspectDeployAt;
    private double trafficRatio = Double.NaN;
    private boolean overSlo;
    private final List<String> slowAgents = new ArrayList<>();
    private String failingAgent;
    private final List<Finding> findings = new ArrayList<>();

    synchronized void add(Finding f) {
        findings.add(f);
    }

    synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    synchronized void suspectDeploy(String revision, Instant at) {
        suspectRevision = revision;
        suspectDeployAt = at;
    }

    synchronized String suspectRevision() {
        return suspectRevision;
    }

    synchronized Instant suspectDeployAt() {
        return suspectDeployAt;
    }

    synchronized void trafficRatio(double ratio) {
        trafficRatio = ratio;
    }

    synchronized double trafficRatio() {
        return trafficRatio;
    }

    /** CPU, memory or error rate over its SLO (P1: scale out). */
    synchronized void overSlo() {
        overSlo = true;
    }

    synchronized boolean isOverSlo() {
        return overSlo;
    }

    /** The configured cache metric's hit rate is below its minimum: the cache value, or null. */
    private String lowCacheHitRate;

    synchronized void lowCacheHitRate(String value) {
        lowCacheHitRate = value;
    }

    synchronized String lowCacheHitRate() {
        return lowCacheHitRate;
    }

    synchronized void slowAgent(String agent) {
        slowAgents.add(agent);
    }

    synchronized List<String> slowAgents() {
        return List.copyOf(slowAgents);
    }

    synchronized void failingAgent(String agent) {
        failingAgent = agent;
    }

    synchronized String failingAgent() {
        return failingAgent;
    }
}
