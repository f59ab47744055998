package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.autogradstudio.script.torch.TorchModules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared conformance cases (copied into test resources): each script, run as {@code python3 FILE}
 * or as notebook cells, must print exactly what real PyTorch 1.13 printed, compared the way
 * {@code ../shared/conformance/check} compares (stdout, plus the error line, addresses normalised).
 */
class ConformanceTest {
    private static final Path ROOT = resource("conformance");

    private static Path resource(String name) {
        try {
            return Paths.get(ConformanceTest.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCasePrintsWhatPyTorchPrinted() throws IOException {
        List<Path> expected;
        try (Stream<Path> files = Files.list(ROOT.resolve("expected"))) {
            expected = files.filter(p -> p.toString().endsWith(".out")).sorted().toList();
        }
        return expected.stream().map(exp -> DynamicTest.dynamicTest(exp.getFileName().toString(), () -> {
            String name = exp.getFileName().toString();
            boolean cells = name.endsWith(".cells.out");
            String base = name.replaceFirst("\\.(script|cells)\\.out$", "");
            Path source = ROOT.resolve("seed").resolve(base + ".py");
            assertEquals(normalise(Files.readString(exp, StandardCharsets.UTF_8)), normalise(run(source, cells)), name);
        }));
    }

    static String run(Path source, boolean cells) throws IOException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        String text = Files.readString(source, StandardCharsets.UTF_8);
        try (ScriptSession s = TorchModules.newInterpreter(source.getParent()).newSession(out, err)) {
            if (cells) {
                s.setEchoToOutput(true);
                s.runCells(text, source.toString());
            } else {
                s.runScript(text, source.toString());
            }
        }
        String[] errLines = err.toString().split("\n");
        String last = errLines[errLines.length - 1];
        String printed = out.toString();
        if (last.matches("^[A-Za-z_.]*(Error|Exception|Interrupt): .*")) {
            printed = printed.isEmpty() ? last : stripFinalNewline(printed) + "\n" + last;
        }
        return printed;
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String normalise(String s) {
        return stripFinalNewline(s.replaceAll("0x[0-9a-fA-F]{6,}", "0xADDR"));
    }
}
