package org.autogradstudio.script.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The "Did you mean: 'length'?" that CPython 3.11 adds to the last line of a NameError's or an
 * AttributeError's traceback: the candidate nearest to the wrong name by CPython's weighted edit
 * distance (Python/suggestions.c: a case flip costs 1, any other edit 2), if no more than a third
 * of the characters involved need changing. Candidates are taken in CPython's order, and the
 * first of equally near ones wins, so the same misspelling gets the same suggestion.
 */
public final class Suggestions {
    private static final int MAX_CANDIDATE_ITEMS = 750;
    private static final int MAX_STRING_SIZE = 40;
    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;

    private Suggestions() {
    }

    /** The nearest of {@code candidates} to {@code name}, or null (CPython's calculate_suggestions). */
    public static String nearest(List<String> candidates, String name) {
        if (candidates.size() >= MAX_CANDIDATE_ITEMS) {
            return null;
        }
        byte[] wrong = name.getBytes(StandardCharsets.UTF_8);
        long bestDistance = Long.MAX_VALUE;
        String best = null;
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                continue;
            }
            byte[] item = candidate.getBytes(StandardCharsets.UTF_8);
            // no more than 1/3 of the involved characters should need changed, and no match we have already beaten
            long maxDistance = Math.min((wrong.length + item.length + 3) * MOVE_COST / 6, bestDistance - 1);
            long distance = distance(wrong, item, maxDistance);
            if (distance > maxDistance) {
                continue;
            }
            if (best == null || distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** CPython's levenshtein_distance on UTF-8 bytes; more than {@code maxCost} once that is certain. */
    static long distance(byte[] a, byte[] b, long maxCost) {
        int aStart = 0, bStart = 0, aEnd = a.length, bEnd = b.length;
        while (aStart < aEnd && bStart < bEnd && a[aStart] == b[bStart]) {
            aStart++;
            bStart++;
        }
        while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] == b[bEnd - 1]) {
            aEnd--;
            bEnd--;
        }
        int aSize = aEnd - aStart, bSize = bEnd - bStart;
        if (aSize == 0 || bSize == 0) {
            return (long) (aSize + bSize) * MOVE_COST;
        }
        if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) {
            return maxCost + 1;
        }
        if (bSize < aSize) {
            byte[] t = a;
            a = b;
            b = t;
            int ts = aStart;
            aStart = bStart;
            bStart = ts;
            ts = aSize;
            aSize = bSize;
            bSize = ts;
        }
        if ((long) (bSize - aSize) * MOVE_COST > maxCost) {
            return maxCost + 1;
        }
        long[] row = new long[aSize];
        for (int i = 0; i < aSize; i++) {
            row[i] = (long) (i + 1) * MOVE_COST;
        }
        long result = 0;
        for (int bi = 0; bi < bSize; bi++) {
            byte code = b[bStart + bi];
            long distance = result = (long) bi * MOVE_COST;
            long minimum = Long.MAX_VALUE;
            for (int i = 0; i < aSize; i++) {
                long substitute = distance + substitutionCost(code, a[aStart + i]);
                distance = row[i];
                long insertDelete = Math.min(result, distance) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                row[i] = result;
                minimum = Math.min(minimum, result);
            }
            if (minimum > maxCost) {
                return maxCost + 1;
            }
        }
        return result;
    }

    private static int substitutionCost(byte a, byte b) {
        if ((a & 31) != (b & 31)) {
            return MOVE_COST;
        }
        if (a == b) {
            return 0;
        }
        if ('A' <= a && a <= 'Z') {
            a += 'a' - 'A';
        }
        if ('A' <= b && b <= 'Z') {
            b += 'a' - 'A';
        }
        return a == b ? CASE_COST : MOVE_COST;
    }
}
