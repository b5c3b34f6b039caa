package app.cosell.emulator;

import java.util.random.RandomGenerator;

/** Identifier formats of the service (API-NOTES §3): lower-case base-36 suffixes of fixed length. */
final class Ids {

    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    static String task(RandomGenerator random) {
        return "task-" + base36(random, 13);
    }

    static String engagement(RandomGenerator random) {
        return "eng-" + base36(random, 14);
    }

    static String invitation(RandomGenerator random) {
        return "engi-" + base36(random, 13);
    }

    static String job(RandomGenerator random) {
        return "job-" + base36(random, 13);
    }

    /** Prospecting task ids have one character more than the other tasks' (model: task-[0-9a-z]{14}). */
    static String prospectingTask(RandomGenerator random) {
        return "task-" + base36(random, 14);
    }

    /** The id of a context a prospecting task adds (model: ctx-[0-9a-z]{14}). */
    static String prospectingContext(RandomGenerator random) {
        return "ctx-" + base36(random, 14);
    }

    private static String base36(RandomGenerator random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE36[random.nextInt(BASE36.length)];
        }
        return new String(chars);
    }
}
