package org.autogradstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file that is not there is a one-line message, as Python gives it, and exit code 2: no stack trace. */
class CliErrorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"run", "graph", "trace", "check"})
    void aMissingFileIsAClearMessage(String command) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = command.equals("graph") ? Cli.execute(command, "no/such/file.py", "-o", "out.svg")
                    : Cli.execute(command, "no/such/file.py");
        } finally {
            System.setErr(before);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertEquals("autograd-studio " + command + ": can't open file 'no/such/file.py': [Errno 2] No such file or directory",
                text.strip());
        assertFalse(text.contains("\tat "), "no Java stack trace");
        assertTrue(text.lines().count() == 1);
    }
}
