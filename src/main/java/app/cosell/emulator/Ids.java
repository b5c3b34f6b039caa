package app.cosell.emulator;

import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** Identifier formats of the service (API-NOTES §3): a prefix and a lower-case base-36 suffix of fixed length. */
enum Ids {
    TASK("task-", 13),
    ENGAGEMENT("eng-", 14),
    INVITATION("engi-", 13),
    JOB("job-", 13),
    /** Prospecting task ids have one character more than the other tasks' (model: task-[0-9a-z]{14}). */
    PROSPECTING_TASK("task-", 14),
    /** The id of a context a prospecting task adds (model: ctx-[0-9a-z]{14}). */
    PROSPECTING_CONTEXT("ctx-", 14);

    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final String prefix;
    private final int length;

    Ids(String prefix, int length) {
        this.prefix = prefix;
        this.length = length;
    }

    /** A new id of this kind. */
    String next(RandomGenerator random) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE36[random.nextInt(BASE36.length)];
        }
        return prefix + new String(chars);
    }

    /** A new id of this kind that is not {@code taken} yet. */
    String unused(RandomGenerator random, Predicate<String> taken) {
        String id;
        do {
            id = next(random);
        } while (taken.test(id));
        return id;
    }
}
