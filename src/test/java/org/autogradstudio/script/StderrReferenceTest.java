package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.autogradstudio.script.torch.TorchModules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripts whose stderr matters (warnings), against what python3 3.11 with PyTorch 1.13 printed to
 * stdout and stderr on this machine for the file at {@code /tmp/stderr-cases/NAME.py}: the path
 * is part of each warning, so the script runs under that name here.
 */
class StderrReferenceTest {
    private static final String[] CASES = {"torch_warnings", "python_warnings", "python_traceback", "create_graph_warning"};

    @TestFactory
    Stream<DynamicTest> stdoutAndStderrMatchPyTorch() {
        return Stream.of(CASES).map(name -> DynamicTest.dynamicTest(name, () -> {
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            try (ScriptSession s = TorchModules.newInterpreter(null).newSession(out, err)) {
                s.runScript(resource(name + ".py"), "/tmp/stderr-cases/" + name + ".py");
            }
            assertEquals(resource(name + ".out"), out.toString(), "stdout");
            assertEquals(resource(name + ".err"), err.toString(), "stderr");
        }));
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = StderrReferenceTest.class.getResourceAsStream("/stderr-cases/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
