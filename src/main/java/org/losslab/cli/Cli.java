package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.losslab.engine.surface.expr.ExpressionException;
import org.losslab.format.InputException;

/**
 * The headless commands. Exit status 0 on success; 2 on bad input, with one line on stderr naming
 * the file, where in it and what is wrong, and no output file created or changed; 1 for anything
 * else.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage:",
            "  losslab                      open the app",
            "  " + RunCommand.USAGE,
            "  " + TrainCommand.USAGE,
            "  " + SweepCommand.USAGE,
            "  " + EscapeCommand.USAGE,
            "  " + FederatedCommand.USAGE,
            "  " + LessonCommand.USAGE,
            "  " + BenchCommand.USAGE,
            "  " + BenchTrainCommand.USAGE,
            "  " + BenchMethodsCommand.USAGE,
            "  losslab help");

    private Cli() {
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "run":
                    RunCommand.run(rest, out);
                    return OK;
                case "train":
                    TrainCommand.run(rest, out);
                    return OK;
                case "sweep":
                    SweepCommand.run(rest, out);
                    return OK;
                case "escape":
                    EscapeCommand.run(rest, out);
                    return OK;
                case "federated":
                    FederatedCommand.run(rest, out);
                    return OK;
                case "lesson":
                    return LessonCommand.run(rest, out);
                case "bench":
                    BenchCommand.run(rest, out);
                    return OK;
                case "bench-train":
                    BenchTrainCommand.run(rest, out);
                    return OK;
                case "bench-methods":
                    BenchMethodsCommand.run(rest, out);
                    return OK;
                case "help":
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return OK;
                default:
                    throw new UsageException("unknown command \"" + args[0] + "\"; " + USAGE.replace("\n", " ").replaceAll(" +", " "));
            }
        } catch (UsageException e) {
            err.println("losslab: " + e.getMessage());
            return BAD_INPUT;
        } catch (InputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (ExpressionException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("losslab: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("losslab: internal error: " + e);
            return FAILED;
        }
    }
}
