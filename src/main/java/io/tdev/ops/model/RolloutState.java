package io.tdev.ops.model;

/** ECS deployment rollout state. */
public enum RolloutState { IN_PROGRESS, COMPLETED, FAILED, UNKNOWN }
