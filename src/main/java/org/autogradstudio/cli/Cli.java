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
        return new CommandLine(new Cli()).setExecutionExceptionHandler(Cli::fileProblem).execute(args);
    }

    /** A file that cannot be read is a message, as Python gives it, and exit code 2; anything else is a bug. */
    private static int fileProblem(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        String name = "autograd-studio " + command.getCommandName();
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            command.getErr().println(name + ": can't open file '" + missing.getFile() + "': [Errno 2] No such file or directory");
            return 2;
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            command.getErr().println(name + ": can't open file '" + denied.getFile() + "': [Errno 13] Permission denied");
            return 2;
        }
        if (e instanceof java.io.IOException io) {
            command.getErr().println(name + ": " + io.getMessage());
            return 2;
        }
        throw e;
    }
}
