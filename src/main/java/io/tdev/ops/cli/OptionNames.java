package io.tdev.ops.cli;

import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine names bad input by its request field ({@code count}, {@code force}, {@code timeoutMinutes}), which
 * is what the Jenkins steps call it; on the command line the user typed {@code --count}, {@code --force},
 * {@code --timeout-minutes}. This puts the command's own option names into an InvalidInputException.
 */
final class OptionNames {
    /** Request-field and settings names that are not simply the option name in camelCase. */
    private static final Map<String, String> IRREGULAR = Map.of(
            "ignoreAlarms", "--ignore-alarm",
            "apiCallTimeout", "--api-call-timeout-seconds",
            "apiCallAttemptTimeout", "--api-call-attempt-timeout-seconds");
    /** "set force" in an engine message: the CLI way is to give the flag. */
    private static final Pattern SET_ARGUMENT = Pattern.compile("\\bset ([a-z][A-Za-z]*)\\b");

    private final Map<String, String> optionByArgument;

    private OptionNames(Map<String, String> optionByArgument) {
        this.optionByArgument = optionByArgument;
    }

    /** The option names of {@code spec} (a command with its mixins) by the argument name they stand for. */
    static OptionNames of(CommandSpec spec) {
        Map<String, String> byArgument = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            for (String name : option.names()) {
                if (!name.startsWith("--")) {
                    continue;
                }
                String bare = name.substring(2);
                // --no-wait stands for wait=false
                String argument = camelCase(bare.startsWith("no-") ? bare.substring(3) : bare);
                byArgument.putIfAbsent(argument, name);
            }
        }
        IRREGULAR.forEach((argument, option) -> {
            if (spec.findOption(option) != null) {
                byArgument.putIfAbsent(argument, option);
            }
        });
        return new OptionNames(byArgument);
    }

    /** {@code e} naming this command's options, or {@code e} itself when it names none of them. */
    InvalidInputException inCliTerms(InvalidInputException e) {
        String field = e.field();
        String message = e.getMessage();
        String problem = message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
        String option = option(field);
        String cliProblem = rewriteSetArgument(problem);
        if (option == null && cliProblem.equals(problem)) {
            return e;
        }
        return new InvalidInputException(option == null ? field : option, cliProblem);
    }

    /** "waive.backup" → "--waive backup"; an argument with no option (a config field) → null. */
    private String option(String field) {
        if (field == null || field.startsWith("--")) {
            return null;
        }
        String option = optionByArgument.get(field);
        if (option != null) {
            return option;
        }
        int dot = field.indexOf('.');
        if (dot > 0 && optionByArgument.containsKey(field.substring(0, dot))) {
            return optionByArgument.get(field.substring(0, dot)) + " " + field.substring(dot + 1);
        }
        return null;
    }

    private String rewriteSetArgument(String problem) {
        Matcher m = SET_ARGUMENT.matcher(problem);
        StringBuilder rewritten = new StringBuilder();
        while (m.find()) {
            String option = optionByArgument.get(m.group(1));
            m.appendReplacement(rewritten, Matcher.quoteReplacement(option == null ? m.group() : "give " + option));
        }
        m.appendTail(rewritten);
        return rewritten.toString();
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
