package org.autogradstudio.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.autogradstudio.script.RunResult;
import org.autogradstudio.script.ScriptSession;
import org.autogradstudio.script.torch.TorchModules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run [--cells] [--timing] FILE.py}: prints what {@code python3 FILE.py} prints; with
 * {@code --cells}, what a notebook shows (each cell's trailing expression echoed).
 */
@Command(name = "run", description = "Runs a PyTorch-style script on the engine and prints what Python would.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .py script")
    Path file;

    @Option(names = "--cells", description = "run as notebook cells split at '# %%', echoing each cell's last expression")
    boolean cells;

    @Option(names = "--timing", description = "print 'script time: X s' as the last line on stderr")
    boolean timing;

    @Override
    public Integer call() throws Exception {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        Path folder = file.toAbsolutePath().getParent();
        if (timing) {
            loadRuntime();
        }
        long start = System.nanoTime();
        int status;
        try (ScriptSession session = TorchModules.newInterpreter(folder).newSession(out, err)) {
            if (cells) {
                session.setEchoToOutput(true);
                List<RunResult> results = session.runCells(source, file.toAbsolutePath().toString());
                status = results.isEmpty() ? 0 : results.get(results.size() - 1).exitStatus();
            } else {
                status = session.runScript(source, file.toAbsolutePath().toString()).exitStatus();
            }
        }
        out.flush();
        if (timing) {
            err.printf("script time: %.3f s%n", (System.nanoTime() - start) / 1e9);
        }
        err.flush();
        return status;
    }

    /**
     * What {@code import torch} costs Python before its clock starts: loading and initialising the
     * interpreter and engine classes once, with a snippet that runs each kind of statement once.
     */
    private static void loadRuntime() {
        String snippet = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                + "y = (x * 2 + 1).sin().sum()\ny.backward()\nwith torch.no_grad():\n    x -= 0.1 * x.grad\n"
                + "s = f'{y.item():.3f} {x}'\n";
        try (ScriptSession warm = TorchModules.newInterpreter(null).newSession(new StringBuilder(), new StringBuilder())) {
            warm.runScript(snippet, "<startup>");
        }
    }
}
