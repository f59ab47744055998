package org.autogradstudio.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands, sharing the engine, interpreter and graph code with the studio. */
@Command(name = "autograd-studio", mixinStandardHelpOptions = true, version = "Autograd Studio 0.1",
        description = "Runs PyTorch-style autograd scripts on Autograd Studio's own engine.",
        subcommands = {RunCommand.class, GraphCommand.class, TraceCommand.class, CheckCommand.class, BenchCommand.class})
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("run", "graph", "trace", "check", "bench", "--help", "-h", "--version", "-V");

    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    /** Runs a command line and returns the process exit code. */
    public static int execute(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }
}
