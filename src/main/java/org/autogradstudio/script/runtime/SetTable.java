package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The slot layout of CPython 3.11's set table, kept beside {@link PySet}'s members so that a set
 * iterates (and prints) in CPython's order: open addressing on {@code hash & mask}, nine linear
 * probes, then CPython's perturbed jumps; removed members leave dummies until the table is
 * resized, which happens when it is three-fifths full. Keys are the members' normalised keys.
 */
final class SetTable {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    private static final Object DUMMY = new Object();

    private Object[] keys = new Object[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int mask = MIN_SIZE - 1;
    /** Slots holding a member or a dummy, and members. */
    private int fill;
    private int used;
    /** Where {@code pop} looks next. */
    private int finger;

    /** Adds a key known not to be in the table (CPython's set_add_entry for a new key). */
    void add(Object key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        int freeSlot = -1;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; ; j++) {
                if (keys[j] == null && freeSlot >= 0) {
                    // a dummy on the way is reused, the last one passed (as CPython 3.11 lays its sets
                    // out: checked against its tables over random histories): no new slot is filled
                    keys[freeSlot] = key;
                    hashes[freeSlot] = hash;
                    used++;
                    return;
                }
                if (keys[j] == DUMMY) {
                    freeSlot = j;
                }
                if (keys[j] == null) {
                    keys[j] = key;
                    hashes[j] = hash;
                    fill++;
                    used++;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return;
                }
                if (j - i == probes) {
                    break;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** Turns the key's slot into a dummy. */
    void remove(Object key, long hash) {
        int slot = find(key, hash);
        if (slot >= 0) {
            keys[slot] = DUMMY;
            hashes[slot] = -1;
            used--;
        }
    }

    /** The key's slot, found along its probe sequence, or -1. */
    private int find(Object key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; ; j++) {
                if (keys[j] == null) {
                    return -1;
                }
                if (keys[j] != DUMMY && hashes[j] == hash && keys[j].equals(key)) {
                    return j;
                }
                if (j - i == probes) {
                    break;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** Takes over {@code other}'s slots (CPython swaps the bodies of a set and its intersection). */
    void become(SetTable other) {
        keys = other.keys;
        hashes = other.hashes;
        mask = other.mask;
        fill = other.fill;
        used = other.used;
        finger = other.finger;
    }

    /** After discarding another set's members (difference_update): a table more than a quarter dummies is rebuilt. */
    void dropDummiesIfMany() {
        if (fill - used > mask / 4) {
            resize(used > 50000 ? used * 2 : used * 4);
        }
    }

    /** {@code set.pop()}: the first member from the finger on. */
    Object pop() {
        int j = finger & mask;
        while (keys[j] == null || keys[j] == DUMMY) {
            j = j == mask ? 0 : j + 1;
        }
        Object key = keys[j];
        keys[j] = DUMMY;
        hashes[j] = -1;
        used--;
        finger = j + 1;
        return key;
    }

    void clear() {
        keys = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        mask = MIN_SIZE - 1;
        fill = 0;
        used = 0;
        finger = 0;
    }

    /** The members in slot order: CPython's iteration order. */
    List<Object> keysInOrder() {
        List<Object> out = new ArrayList<>(used);
        for (int j = 0; j <= mask; j++) {
            if (keys[j] != null && keys[j] != DUMMY) {
                out.add(keys[j]);
            }
        }
        return out;
    }

    /**
     * Adds every member of {@code other} (CPython's set_merge): one resize up front, then a copy of
     * its slots when this table is empty and as large, or clean insertions in its slot order.
     */
    void merge(SetTable other, java.util.function.Predicate<Object> present) {
        if (other == this || other.used == 0) {
            return;
        }
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) {
            resize((used + other.used) * 2);
        }
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            keys = other.keys.clone();
            hashes = other.hashes.clone();
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int j = 0; j <= other.mask; j++) {
                if (other.keys[j] != null && other.keys[j] != DUMMY) {
                    insertClean(keys, hashes, mask, other.keys[j], other.hashes[j]);
                }
            }
            return;
        }
        for (int j = 0; j <= other.mask; j++) {
            Object k = other.keys[j];
            if (k != null && k != DUMMY && !present.test(k)) {
                add(k, other.hashes[j]);
            }
        }
    }

    /** A table with room for {@code minUsed} members, the members re-inserted in slot order and the dummies dropped. */
    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        Object[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new Object[size];
        hashes = new long[size];
        mask = size - 1;
        fill = used;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null && oldKeys[j] != DUMMY) {
                insertClean(keys, hashes, mask, oldKeys[j], oldHashes[j]);
            }
        }
    }

    private static void insertClean(Object[] keys, long[] hashes, int mask, Object key, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            if (keys[i] == null) {
                keys[i] = key;
                hashes[i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (keys[i + j] == null) {
                        keys[i + j] = key;
                        hashes[i + j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }
}
