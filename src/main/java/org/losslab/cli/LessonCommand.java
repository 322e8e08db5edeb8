package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.losslab.engine.Cancellation;
import org.losslab.engine.WorkerThreads;
import org.losslab.format.InputException;
import org.losslab.format.lesson.Lesson;
import org.losslab.format.lesson.LessonLibrary;
import org.losslab.format.lesson.LessonPage;
import org.losslab.format.lesson.LessonReader;
import org.losslab.format.lesson.LessonRunner;
import org.losslab.io.Numbers;

/**
 * {@code losslab lesson --list} prints one lesson per line, id then title; {@code losslab lesson ID
 * --check} evaluates every claim of the lesson headless and prints one line per claim (PASS or FAIL,
 * the claim, the measured value and what it was compared with), exit 0 only when all hold and 1
 * otherwise; {@code losslab lesson ID} prints its pages. ID may also be the path of a lesson file;
 * {@code --dir} names another folder of lessons than the shipped one.
 */
final class LessonCommand {
    static final String USAGE = "losslab lesson --list | ID|FILE [--check] [--dir FOLDER] [--threads N]";

    private LessonCommand() {
    }

    static int run(List<String> argv, PrintStream out) throws UsageException, InputException, IOException {
        List<String> rest = new ArrayList<>(argv);
        boolean list = rest.remove("--list");
        boolean check = rest.remove("--check");
        Args a = Args.parse(rest, Set.of("--dir", "--threads"), USAGE);
        if (list == (a.positional.size() == 1) || a.positional.size() > 1 || (list && check)) {
            throw new UsageException("expected --list, or one lesson id or file; usage: " + USAGE);
        }
        int threads = SweepCommand.threads(a);
        if (list) {
            for (Lesson l : library(a).lessons()) {
                out.println(l.id() + "  " + l.title());
            }
            return Cli.OK;
        }
        Lesson lesson = lesson(a, a.positional.get(0));
        if (!check) {
            print(lesson, out);
            return Cli.OK;
        }
        ExecutorService pool = WorkerThreads.pool(threads, "lesson");
        List<LessonRunner.Verdict> verdicts;
        try {
            verdicts = new LessonRunner(lesson, pool, threads, Cancellation.NEVER).checkAll();
        } finally {
            pool.shutdown();
        }
        int passed = 0;
        for (LessonRunner.Verdict v : verdicts) {
            out.println(line(lesson, v));
            passed += v.passed() ? 1 : 0;
        }
        out.println(lesson.id() + ": " + passed + " of " + verdicts.size() + " claims hold");
        return passed == verdicts.size() ? Cli.OK : Cli.FAILED;
    }

    /** "PASS  claim: measure = value < expected". */
    static String line(Lesson lesson, LessonRunner.Verdict v) {
        var c = v.check();
        String expected = c.reference() != null
                ? c.reference().describe(lesson) + " = " + value(v.expected())
                : value(v.expected());
        String tol = c.op() == org.losslab.engine.lesson.Comparison.NEAR
                ? " (within " + Numbers.format(100 * c.tolerance()) + "%)" : "";
        return (v.passed() ? "PASS" : "FAIL") + "  " + c.claim() + ": " + c.measured().describe(lesson) + " = "
                + value(v.measured()) + " " + c.op().symbol() + " " + expected + tol;
    }

    /** A count or a step as a whole number, anything else as Python prints it. */
    static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Numbers.format(v);
    }

    private static LessonLibrary library(Args a) throws UsageException, InputException, IOException {
        Path folder = a.option("--dir") != null ? Path.of(a.option("--dir")) : LessonLibrary.shippedFolder();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException(a.option("--dir") != null ? "--dir " + a.option("--dir") + ": no such folder"
                    : "cannot find the lessons folder sample-landscapes/lessons (give --dir FOLDER)");
        }
        return LessonLibrary.read(folder);
    }

    private static Lesson lesson(Args a, String name) throws UsageException, InputException, IOException {
        Path file = Path.of(name);
        if (name.endsWith(".json") && Files.isRegularFile(file)) {
            return LessonReader.read(file);
        }
        LessonLibrary lib = library(a);
        Lesson l = lib.find(name);
        if (l == null) {
            throw new UsageException("no lesson \"" + name + "\" in " + lib.folder() + " (losslab lesson --list shows them)");
        }
        return l;
    }

    private static void print(Lesson l, PrintStream out) {
        out.println(l.title());
        if (!l.summary().isEmpty()) {
            out.println(l.summary());
        }
        for (int i = 0; i < l.pages().size(); i++) {
            LessonPage p = l.pages().get(i);
            out.println();
            out.println((i + 1) + ". " + p.title() + "  [" + p.setup().kind().key()
                    + (p.setup().reference() != null ? " " + p.setup().reference() : "") + "]");
            for (String[] t : new String[][] {{"Do", p.todo()}, {"Look", p.look()}, {"Why", p.why()}}) {
                if (!t[1].isEmpty()) {
                    out.println("   " + t[0] + ": " + t[1]);
                }
            }
        }
        out.println();
        out.println(l.checks().size() + " claims; losslab lesson " + l.id() + " --check evaluates them");
    }
}
