package ru.journalarchive.synthetic;

import java.util.Random;

/**
 * Fictional Russian full names («Фамилия Имя Отчество») for load runs and tests outside this package (the search
 * benchmark): the same combinations of common names the synthetic schools use.
 */
public final class FictionalNames {

    private FictionalNames() {
    }

    /** A random fictional full name of the given gender. */
    public static String fullName(Random random, boolean female) {
        return Names.fullName(random, female);
    }
}
