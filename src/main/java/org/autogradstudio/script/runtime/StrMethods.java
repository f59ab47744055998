package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Methods of str. */
final class StrMethods extends MethodTable {
    static final StrMethods TABLE = new StrMethods();

    private StrMethods() {
        super("upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "join", "replace",
                "startswith", "endswith", "find", "rfind", "index", "rindex", "count", "format", "center", "ljust",
                "rjust", "zfill", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric",
                "isdecimal", "isidentifier", "title", "capitalize", "swapcase", "partition", "rpartition", "casefold",
                "removeprefix", "removesuffix", "format_map", "encode", "isprintable", "istitle", "expandtabs");
    }

    private static String strArg(Object o, String method) {
        if (!(o instanceof String s)) {
            throw Py.typeError(method + " arg must be None or str");
        }
        return s;
    }

    @Override
    public Object call(Object selfObj, String name, Object[] args, Map<String, Object> kwargs) {
        String s = (String) selfObj;
        if (name.equals("format")) {
            return StringFormatting.format(s, args, kwargs);
        }
        if (name.equals("split") || name.equals("rsplit")) {
            Object sep = args.length > 0 ? args[0] : kwargs.getOrDefault("sep", Py.NONE);
            Object max = args.length > 1 ? args[1] : kwargs.getOrDefault("maxsplit", -1L);
            return split(s, sep, Numbers.indexValue(max), name.equals("rsplit"));
        }
        if (name.equals("expandtabs")) {
            arity("str", name, args, 0, 1);
            return expandTabs(s, Py.toInt(args.length > 0 ? args[0] : kwargs.getOrDefault("tabsize", 8L)));
        }
        if (!kwargs.isEmpty()) {
            throw Py.typeError("str." + name + "() takes no keyword arguments");
        }
        switch (name) {
            case "upper": arity("str", name, args, 0, 0); return s.toUpperCase();
            case "lower": case "casefold": arity("str", name, args, 0, 0); return s.toLowerCase();
            case "strip": case "lstrip": case "rstrip": {
                arity("str", name, args, 0, 1);
                String chars = args.length == 0 || args[0] == Py.NONE ? null : strArg(args[0], name);
                return strip(s, chars, !name.equals("rstrip"), !name.equals("lstrip"));
            }
            case "splitlines": {
                List<Object> out = new ArrayList<>();
                for (String line : s.split("\r\n|\r|\n", -1)) {
                    out.add(line);
                }
                if (!out.isEmpty() && ((String) out.get(out.size() - 1)).isEmpty()) {
                    out.remove(out.size() - 1);
                }
                return new PyList(out);
            }
            case "join": {
                arity("str", name, args, 1, 1);
                StringBuilder sb = new StringBuilder();
                Iterator<Object> it = Ops.iter(args[0]);
                int i = 0;
                while (it.hasNext()) {
                    Object x = it.next();
                    if (!(x instanceof String xs)) {
                        throw Py.typeError("sequence item " + i + ": expected str instance, " + Ops.typeName(x)
                                + " found");
                    }
                    if (i++ > 0) {
                        sb.append(s);
                    }
                    sb.append(xs);
                }
                return sb.toString();
            }
            case "replace": {
                arity("str", name, args, 2, 3);
                String old = strArg(args[0], name);
                String rep = strArg(args[1], name);
                long count = args.length > 2 ? Numbers.indexValue(args[2]) : -1;
                return replace(s, old, rep, count);
            }
            case "startswith": case "endswith": {
                arity("str", name, args, 1, 3);
                String sub = slice(s, args, 1);
                Object prefixes = args[0];
                Object[] options = prefixes instanceof PyTuple t ? t.toArray() : new Object[] {prefixes};
                for (Object p : options) {
                    if (!(p instanceof String ps)) {
                        throw Py.typeError(name + " first arg must be str or a tuple of str, not " + Ops.typeName(p));
                    }
                    if (name.equals("startswith") ? sub.startsWith(ps) : sub.endsWith(ps)) {
                        return true;
                    }
                }
                return false;
            }
            case "find": case "index": case "rfind": case "rindex": {
                arity("str", name, args, 1, 3);
                String sub = strArg(args[0], name);
                int start = args.length > 1 ? bound(args[1], s.length()) : 0;
                int end = args.length > 2 ? bound(args[2], s.length()) : s.length();
                int r = -1;
                if (start <= end) {
                    String region = s.substring(start, end);
                    r = name.startsWith("r") ? region.lastIndexOf(sub) : region.indexOf(sub);
                    if (r >= 0) {
                        r += start;
                    }
                }
                if (r < 0 && name.contains("index")) {
                    throw Py.valueError("substring not found");
                }
                return (long) r;
            }
            case "count": {
                arity("str", name, args, 1, 3);
                String sub = strArg(args[0], name);
                String region = slice(s, args, 1);
                if (sub.isEmpty()) {
                    return (long) region.length() + 1;
                }
                long n = 0;
                for (int i = region.indexOf(sub); i >= 0; i = region.indexOf(sub, i + sub.length())) {
                    n++;
                }
                return n;
            }
            case "center": case "ljust": case "rjust": {
                arity("str", name, args, 1, 2);
                int width = (int) Math.min(Numbers.indexValue(args[0]), Sequences.MAX_SIZE);
                String fill = args.length > 1 ? strArg(args[1], name) : " ";
                if (fill.length() != 1) {
                    throw Py.typeError("The fill character must be exactly one character long");
                }
                return pad(s, width, fill.charAt(0), name);
            }
            case "zfill": {
                arity("str", name, args, 1, 1);
                int width = (int) Math.min(Numbers.indexValue(args[0]), Sequences.MAX_SIZE);
                if (s.length() >= width) {
                    return s;
                }
                boolean sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
                String zeros = "0".repeat(width - s.length());
                return sign ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
            }
            case "isdigit": case "isnumeric": case "isdecimal":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha": return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum": return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace": return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "isupper":
                return s.chars().anyMatch(Character::isUpperCase) && s.chars().noneMatch(Character::isLowerCase);
            case "islower":
                return s.chars().anyMatch(Character::isLowerCase) && s.chars().noneMatch(Character::isUpperCase);
            case "isidentifier":
                return !s.isEmpty() && org.autogradstudio.script.syntax.Lexer.isNameStart(s.charAt(0))
                        && s.chars().allMatch(c -> org.autogradstudio.script.syntax.Lexer.isNamePart((char) c));
            case "isprintable": return s.codePoints().allMatch(Strings::isPrintable);
            case "istitle": return s.equals(title(s)) && s.chars().anyMatch(Character::isLetter);
            case "title": return title(s);
            case "capitalize":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
            case "swapcase": {
                StringBuilder sb = new StringBuilder();
                for (char c : s.toCharArray()) {
                    sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
                return sb.toString();
            }
            case "partition": case "rpartition": {
                arity("str", name, args, 1, 1);
                String sep = strArg(args[0], name);
                if (sep.isEmpty()) {
                    throw Py.valueError("empty separator");
                }
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (i < 0) {
                    return name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
                }
                return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            case "removeprefix": {
                String p = strArg(args[0], name);
                return s.startsWith(p) ? s.substring(p.length()) : s;
            }
            case "removesuffix": {
                String p = strArg(args[0], name);
                return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
            }
            case "format_map":
                arity("str", name, args, 1, 1);
                return StringFormatting.formatMap(s, args[0]);
            default:
                throw Py.attributeError("'str' object has no attribute '" + name + "' in Autograd Studio");
        }
    }

    /** Each tab becomes spaces up to the next multiple of {@code size} columns, counted from the last line break. */
    private static String expandTabs(String s, int size) {
        StringBuilder sb = new StringBuilder(s.length());
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                int spaces = size > 0 ? size - column % size : 0;
                sb.append(" ".repeat(spaces));
                column += spaces;
            } else {
                sb.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    private static int bound(Object o, int len) {
        if (o == Py.NONE) {
            return len;
        }
        long i = Numbers.indexValueClamped(o);
        if (i < 0) {
            i = Math.max(0, i + len);
        }
        return (int) Math.min(i, len);
    }

    private static String slice(String s, Object[] args, int from) {
        int start = args.length > from ? bound(args[from], s.length()) : 0;
        int end = args.length > from + 1 ? bound(args[from + 1], s.length()) : s.length();
        return start <= end ? s.substring(start, end) : "";
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean prevLetter = false;
        for (char c : s.toCharArray()) {
            sb.append(prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevLetter = Character.isLetter(c);
        }
        return sb.toString();
    }

    static String strip(String s, String chars, boolean left, boolean right) {
        int lo = 0;
        int hi = s.length();
        while (left && lo < hi && (chars == null ? Character.isWhitespace(s.charAt(lo)) : chars.indexOf(s.charAt(lo)) >= 0)) {
            lo++;
        }
        while (right && hi > lo && (chars == null ? Character.isWhitespace(s.charAt(hi - 1))
                : chars.indexOf(s.charAt(hi - 1)) >= 0)) {
            hi--;
        }
        return s.substring(lo, hi);
    }

    private static String replace(String s, String old, String rep, long count) {
        if (count < 0) {
            if (old.isEmpty()) {
                StringBuilder sb = new StringBuilder(rep);
                for (char c : s.toCharArray()) {
                    sb.append(c).append(rep);
                }
                return sb.toString();
            }
            return s.replace(old, rep);
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        long n = 0;
        while (n < count) {
            int j = old.isEmpty() ? (i <= s.length() ? i : -1) : s.indexOf(old, i);
            if (j < 0) {
                break;
            }
            sb.append(s, i, j).append(rep);
            if (old.isEmpty()) {
                if (j < s.length()) {
                    sb.append(s.charAt(j));
                }
                i = j + 1;
            } else {
                i = j + old.length();
            }
            n++;
        }
        if (i <= s.length()) {
            sb.append(s.substring(Math.min(i, s.length())));
        }
        return sb.toString();
    }

    private static String pad(String s, int width, char fill, String how) {
        if (s.length() >= width) {
            return s;
        }
        int total = width - s.length();
        String f = String.valueOf(fill);
        switch (how) {
            case "ljust": return s + f.repeat(total);
            case "rjust": return f.repeat(total) + s;
            default: {
                int left = total / 2 + (total & width & 1);
                return f.repeat(left) + s + f.repeat(total - left);
            }
        }
    }

    static PyList split(String s, Object sepObj, long maxsplit, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        if (sepObj == Py.NONE) {
            List<String> words = new ArrayList<>();
            int i = 0;
            int n = s.length();
            List<int[]> spans = new ArrayList<>();
            while (i < n) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (start < i) {
                    spans.add(new int[] {start, i});
                }
            }
            if (maxsplit < 0 || spans.size() <= maxsplit + 1) {
                for (int[] sp : spans) {
                    words.add(s.substring(sp[0], sp[1]));
                }
            } else if (!fromRight) {
                for (int k = 0; k < maxsplit; k++) {
                    words.add(s.substring(spans.get(k)[0], spans.get(k)[1]));
                }
                words.add(StrMethods.strip(s.substring(spans.get((int) maxsplit)[0]), null, false, true));
            } else {
                int firstKept = spans.size() - (int) maxsplit;
                words.add(StrMethods.strip(s.substring(0, spans.get(firstKept - 1)[1]), null, true, false));
                for (int k = firstKept; k < spans.size(); k++) {
                    words.add(s.substring(spans.get(k)[0], spans.get(k)[1]));
                }
            }
            out.addAll(words);
            return new PyList(out);
        }
        String sep = strArg(sepObj, "split");
        if (sep.isEmpty()) {
            throw Py.valueError("empty separator");
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            int j = s.indexOf(sep, i);
            if (j < 0) {
                parts.add(s.substring(i));
                break;
            }
            parts.add(s.substring(i, j));
            i = j + sep.length();
        }
        if (maxsplit >= 0 && parts.size() > maxsplit + 1) {
            List<String> merged = new ArrayList<>();
            if (!fromRight) {
                merged.addAll(parts.subList(0, (int) maxsplit));
                merged.add(String.join(sep, parts.subList((int) maxsplit, parts.size())));
            } else {
                int keep = parts.size() - (int) maxsplit;
                merged.add(String.join(sep, parts.subList(0, keep)));
                merged.addAll(parts.subList(keep, parts.size()));
            }
            parts = merged;
        }
        out.addAll(parts);
        return new PyList(out);
    }
}
