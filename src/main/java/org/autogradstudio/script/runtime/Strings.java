package org.autogradstudio.script.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** str operators, indexing and Python's repr of strings. */
final class Strings {
    private Strings() {
    }

    static Object binary(BinaryOp op, Object a, Object b) {
        switch (op) {
            case ADD:
                if (a instanceof String x && b instanceof String y) {
                    if ((long) x.length() + y.length() > Sequences.MAX_SIZE * 4) {
                        throw new PyException("MemoryError", "string too large (Autograd Studio limit)");
                    }
                    return x.concat(y);
                }
                return Py.NOT_IMPLEMENTED;
            case MUL:
                if (a instanceof String s && Numbers.isIntegral(b)) {
                    return repeat(s, b);
                }
                if (b instanceof String s && Numbers.isIntegral(a)) {
                    return repeat(s, a);
                }
                return Py.NOT_IMPLEMENTED;
            case MOD:
                if (a instanceof String s) {
                    return StringFormatting.percent(s, b);
                }
                return Py.NOT_IMPLEMENTED;
            default:
                return Py.NOT_IMPLEMENTED;
        }
    }

    private static String repeat(String s, Object times) {
        int n = Sequences.repeatCount(s.length(), times);
        return s.repeat(n);
    }

    static Object getItem(String s, Object key) {
        if (key instanceof Slice sl) {
            long[] ix = sl.indices(s.length());
            if (ix[2] == 1) {
                return ix[3] == 0 ? "" : s.substring((int) ix[0], (int) ix[1]);
            }
            StringBuilder sb = new StringBuilder((int) ix[3]);
            long i = ix[0];
            for (long k = 0; k < ix[3]; k++, i += ix[2]) {
                sb.append(s.charAt((int) i));
            }
            return sb.toString();
        }
        if (!(key instanceof Long) && !(key instanceof Boolean) && !(key instanceof PyInstance)) {
            throw Py.typeError("string indices must be integers, not '" + Ops.typeName(key) + "'");
        }
        int i = Sequences.index(key, s.length(), "string");
        return String.valueOf(s.charAt(i));
    }

    static Iterator<Object> chars(String s) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < s.length();
            }

            @Override
            public Object next() {
                if (i >= s.length()) {
                    throw new NoSuchElementException();
                }
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                return new String(Character.toChars(cp));
            }
        };
    }

    /** Python's {@code repr(str)}: quotes chosen like CPython, escapes for non-printable characters. */
    static String repr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.append(q).toString();
    }

    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL: case Character.FORMAT: case Character.SURROGATE: case Character.PRIVATE_USE:
            case Character.UNASSIGNED: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
