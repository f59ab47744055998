package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripts exercising the torch API (creation, printing, errors, optimizers, float32 rounding) with
 * the output real PyTorch 1.13 printed for them, recorded next to each script as NAME.out.
 */
class TorchReferenceTest {
    @TestFactory
    Stream<DynamicTest> scriptsPrintWhatPyTorchPrinted() throws IOException, URISyntaxException {
        Path folder = Paths.get(getClass().getClassLoader().getResource("torch-cases").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            Path expected = Paths.get(script.toString().replaceFirst("\\.py$", ".out"));
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), ConformanceTest.run(script, false) + "");
        }));
    }
}
