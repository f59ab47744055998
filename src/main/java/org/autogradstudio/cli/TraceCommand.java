package org.autogradstudio.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.autogradstudio.calculus.ChainRule;
import org.autogradstudio.calculus.Symbols;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphJson;
import org.autogradstudio.graph.GraphLayout;
import org.autogradstudio.graph.GraphVertex.TensorVertex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trace FILE.py}: JSON with the graph's nodes, edges, values and grads, the backward steps in
 * the engine's order, and for each parameter the chain rule worked out (the derivation panel's data).
 */
@Command(name = "trace", description = "Prints the graph and the backward steps of a script as JSON.")
final class TraceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .py script or lesson")
    Path file;

    @Option(names = {"-o", "--output"}, description = "write to this file instead of standard output")
    Path output;

    @Option(names = "--tensor", description = "trace the graph behind this variable instead of the last backward's")
    String tensor;

    @Override
    public Integer call() throws Exception {
        ScriptGraph s;
        try {
            s = ScriptGraph.run(file, tensor, System.err);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Symbols symbols = Symbols.of(invert(s.names));
        Tensor root = s.roots.get(0);
        String json = GraphJson.of(s.graph, GraphLayout.of(s.graph, s.trace, false), s.trace,
                leaf -> derivation(leaf, root, symbols));
        if (output != null) {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        } else {
            System.out.println(json);
        }
        return 0;
    }

    private static Object derivation(TensorVertex leaf, Tensor root, Symbols symbols) {
        try {
            return ChainRule.derive(leaf.tensor(), root, symbols).toMap();
        } catch (RuntimeException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    private static Map<String, Tensor> invert(Map<Tensor, String> names) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        names.forEach((t, n) -> out.putIfAbsent(n, t));
        return out;
    }
}
