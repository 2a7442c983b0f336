package io.tdev.ops.model;

public enum AlarmState { OK, ALARM, INSUFFICIENT_DATA }
