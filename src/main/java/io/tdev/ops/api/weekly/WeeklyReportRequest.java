package io.tdev.ops.api.weekly;

import io.tdev.ops.model.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Which week to report: the seven days ending on {@code weekEnding} (inclusive, in the environment's time zone);
 * null for the week that ended last Sunday. That the week is over is checked against the clock when it runs.
 * With {@code notifyTeam} the summary is published to the environment's SNS topic (the team's topic).
 */
public record WeeklyReportRequest(LocalDate weekEnding, boolean notifyTeam) {
    /** The week that ended last Sunday, told to nobody. */
    public static WeeklyReportRequest lastWeek() {
        return new WeeklyReportRequest(null, false);
    }

    /** From the CLI's or a step's text: YYYY-MM-DD, or null/blank for last week; told to nobody. */
    public static WeeklyReportRequest weekEnding(String text) {
        return weekEnding(text, false);
    }

    /** From the CLI's or a step's text: YYYY-MM-DD, or null/blank for last week. */
    public static WeeklyReportRequest weekEnding(String text, boolean notifyTeam) {
        if (text == null || text.isBlank()) {
            return new WeeklyReportRequest(null, notifyTeam);
        }
        try {
            return new WeeklyReportRequest(LocalDate.parse(text.strip()), notifyTeam);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("weekEnding", "got '" + text + "'; allowed a date YYYY-MM-DD (e.g."
                    + " 2026-11-22, the Sunday that ends the week), or nothing for the week that ended last Sunday");
        }
    }
}
