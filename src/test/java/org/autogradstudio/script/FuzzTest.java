package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.autogradstudio.script.syntax.Parser;
import org.autogradstudio.script.torch.TorchModules;
import org.autogradstudio.script.syntax.PySyntaxError;
import org.autogradstudio.script.syntax.SourceText;

/**
 * Random and mutated programs (the seed notebooks and the semantics snippets with characters and
 * lines deleted, inserted, replaced and duplicated) never make a Java exception escape: the lexer
 * and parser only raise syntax errors, and every failed run is a Python error with a traceback.
 * No run hangs: each has a time budget through the session's cancellation.
 */
class FuzzTest {
    private static final Pattern PYTHON_ERROR = Pattern.compile("[A-Z][A-Za-z]*(Error|Exception|Interrupt|Iteration|Exit"
            + "|Warning)");
    private static final String ALPHABET = "()[]{}:,.;=+-*/%<>!@&|^~'\"#\\\n\n    \tabcxyz019_fr*";
    private static final String[] TOKENS = {"def ", "class ", "lambda ", "if ", "else", "for ", " in ", "while ",
        "return ", "yield ", "try:", "except", "finally:", "with ", "import ", "from ", "global ", "nonlocal x",
        "not ", " and ", " or ", " is ", "**", "//", "@", "f'{", "}'", "'''", "\\", "*args", "**kw", "[", "]", "(",
        ")", ":", "=", "+=", "-=", "None", "True", "1e-8", ".5", "10**100", "range(", "print(", "0", "-1", "x",
        "\n", "\n    ", "\n        ", "super()", "self", "del ", "assert ", "raise "};

    static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        // the project's own copies of the conformance cases and the torch reference scripts
        for (String dir : new String[] {"conformance/seed", "torch-cases"}) {
            Path p;
            try {
                p = Path.of(FuzzTest.class.getClassLoader().getResource(dir).toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.list(p)) {
                files.filter(f -> f.toString().endsWith(".py")).sorted().forEach(f -> {
                    try {
                        seeds.add(Files.readString(f));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        seeds.addAll(PythonSnippetsTestAccess.sources());
        return seeds;
    }

    private static final List<String> SEEDS = seeds();

    static String mutate(String src, long seed) {
        return mutate(src, seed, 6);
    }

    /** Applies 1 to {@code max} random edits; a single edit mostly keeps the program runnable. */
    static String mutate(String src, long seed, int max) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(src);
        int n = 1 + rnd.nextInt(max);
        for (int i = 0; i < n; i++) {
            int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
            switch (rnd.nextInt(7)) {
                case 0:
                    if (sb.length() > 0) {
                        sb.deleteCharAt(pos);
                    }
                    break;
                case 1:
                    sb.insert(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    break;
                case 2:
                    if (sb.length() > 0) {
                        sb.setCharAt(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    }
                    break;
                case 3:
                    sb.insert(pos, TOKENS[rnd.nextInt(TOKENS.length)]);
                    break;
                case 4: {
                    int end = Math.min(sb.length(), pos + 1 + rnd.nextInt(40));
                    sb.delete(pos, end);
                    break;
                }
                case 5: {
                    int end = Math.min(sb.length(), pos + 1 + rnd.nextInt(60));
                    sb.insert(rnd.nextInt(sb.length() + 1), sb.substring(pos, end));
                    break;
                }
                default: {
                    String[] lines = sb.toString().split("\n", -1);
                    int a = rnd.nextInt(lines.length);
                    int b = rnd.nextInt(lines.length);
                    String t = lines[a];
                    lines[a] = lines[b];
                    lines[b] = t;
                    sb = new StringBuilder(String.join("\n", lines));
                    break;
                }
            }
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> mutatedPrograms() {
        return Arbitraries.longs().map(seed -> mutate(SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size())), seed,
                (seed & 1) == 0 ? 1 : 6));
    }

    @Provide
    Arbitrary<String> randomText() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(200);
    }

    /** Output sink that keeps at most 64 KB, so runaway printing cannot exhaust memory. */
    static final class Bounded implements Appendable {
        final StringBuilder sb = new StringBuilder();

        @Override
        public Appendable append(CharSequence csq) {
            if (sb.length() < 65536) {
                sb.append(csq);
            }
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return append(csq.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }
    }

    static void runAndCheck(String src) {
        ScriptSession s = TorchModules.newInterpreter(null).newSession(new Bounded(), new Bounded());
        s.setTimeoutMillis(1500);
        RunResult r = s.runScript(src, "fuzz.py");
        if (r.ok()) {
            return;
        }
        assertNotNull(r.traceback());
        String type = r.errorType();
        assertTrue(PYTHON_ERROR.matcher(type).matches(), "not a Python error type: " + type);
        if (type.equals("SystemError")) {
            Throwable cause = r.error().getCause();
            fail("internal error for program:\n" + src + "\n" + r.traceback(), cause);
        }
        assertTrue(r.traceback().endsWith(r.errorSummary() + "\n") || r.error().syntaxErrorText() != null,
                r.traceback());
    }

    @Property(tries = 400)
    void mutatedProgramsOnlyRaisePythonErrors(@ForAll("mutatedPrograms") String src) {
        runAndCheck(src);
    }

    @Property(tries = 300)
    void randomTextOnlyRaisesSyntaxErrors(@ForAll("randomText") String src) {
        try {
            Parser.parseModule(new SourceText("r.py", src));
        } catch (PySyntaxError e) {
            assertTrue(e.type().equals("SyntaxError") || e.type().equals("IndentationError"));
            assertTrue(e.line() >= 1, "line " + e.line());
            assertNotNull(e.format());
        }
        runAndCheck(src);
    }

    @Property(tries = 200)
    void mutatedProgramsParseOrRaiseSyntaxErrors(@ForAll("mutatedPrograms") String src) {
        try {
            Parser.parseModule(new SourceText("m.py", src));
        } catch (PySyntaxError e) {
            assertEquals(e.format(), e.format());
            assertTrue(e.offset() >= 1);
        }
    }
}
