package org.losslab.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.federated.FederatedPath;
import org.losslab.engine.federated.GlobalObjective;
import org.losslab.engine.surface.Window;
import org.losslab.format.federated.FederatedSpec;
import org.losslab.render.Drawing.Align;

/**
 * Paints a federated study up to a round: the contours of the global objective F = Σ p_i f_i (the
 * plot's base layer, as for a scenario), every client's local path of every round so far as a thin
 * line in a lighter shade of its run's colour, each starting at the server point of that round
 * (the current round's paths brighter, each ending in its client's label), and each run's server
 * path x_0, x_1, … bold over them with a dot per round. The legend gives each run's F at the
 * round. The app's Federated tab and {@code losslab federated --png} both draw with this.
 */
public final class FederatedPainter {
    private static final int WHITE = 0xFFFFFFFF;

    /**
     * One frame.
     *
     * @param field   the contours of F over the window, or null while they are computed
     * @param runs    the runs in file order
     * @param round   show rounds 1 … round (0: the start only)
     * @param clients the clients' labels
     * @param minimum F's lowest point {x, y} (marked), or null
     */
    public record Scene(ContourField field, Window window, List<Run> runs, int round, double startX, double startY,
                        List<String> clients, double[] minimum) {
        public Scene {
            runs = List.copyOf(runs);
            clients = List.copyOf(clients);
        }
    }

    /** One run: its path (null before the result), colour and label. */
    public record Run(FederatedPath path, int color, String label, boolean visible) {
    }

    /** The runs of a spec with their results (null: not yet) and the default colours. */
    public static List<Run> runs(FederatedSpec spec, List<FederatedPath> paths) {
        List<Run> out = new ArrayList<>();
        for (int j = 0; j < spec.runs().size(); j++) {
            String color = spec.runs().get(j).local().displayColor(j);
            out.add(new Run(paths == null ? null : paths.get(j), Colors.parse(color), spec.runs().get(j).displayLabel(), true));
        }
        return out;
    }

    /** The contours of F for a picture of {@code width × height}. */
    public static ContourField field(GlobalObjective problem, double width, double height, PlotStyle style) {
        return PlotScenes.field(problem, problem.defaultView(), width, height, style);
    }

    /** The whole study at its last round, as an image. */
    public static BufferedImage render(FederatedSpec spec, GlobalObjective problem, List<FederatedPath> paths, int width,
                                       int height, PlotStyle style) {
        Scene scene = new Scene(field(problem, width, height, style), problem.defaultView(), runs(spec, paths), spec.rounds(),
                spec.start().x(), spec.start().y(), spec.clientLabels(), problem.lowestPoint());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            new FederatedPainter().paint(new Java2DDrawing(g), scene, style, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void writePng(FederatedSpec spec, GlobalObjective problem, List<FederatedPath> paths, int width, int height,
                                Path file) throws IOException {
        PngExport.write(render(spec, problem, paths, width, height, PlotStyle.LIGHT), file);
    }

    /** Paints the frame into a {@code width × height} picture. */
    public void paint(Drawing d, Scene scene, PlotStyle style, double width, double height) {
        PlotScene base = new PlotScene(null, scene.field(), scene.window(), List.of(), 0, scene.startX(), scene.startY(), null,
                new PlotScene.Overlays(false, false, false, false), List.of());
        new PlotPainter().paintBase(d, base, style, width, height);
        PlotLayout L = PlotLayout.of(width, height, scene.window(), style);
        d.dash();
        d.clip(L.left(), L.top(), L.plotWidth(), L.plotHeight());
        for (Run run : scene.runs()) {
            if (run.visible() && run.path() != null) {
                clients(d, run, scene, L, style);
            }
        }
        for (Run run : scene.runs()) {
            if (run.visible() && run.path() != null) {
                server(d, run, Math.min(scene.round(), run.path().rounds()), L, style);
            }
        }
        PlotPainter.startMarker(d, L.px(scene.startX()), L.py(scene.startY()), style);
        if (scene.minimum() != null) {
            minimumMarker(d, L.px(scene.minimum()[0]), L.py(scene.minimum()[1]), style);
        }
        d.unclip();
        legend(d, scene, L, style);
    }

    /** The local paths: past rounds faint, the shown round bright and labelled by client. */
    private static void clients(Drawing d, Run run, Scene scene, PlotLayout L, PlotStyle style) {
        FederatedPath p = run.path();
        int last = Math.min(scene.round(), p.rounds());
        int light = mix(run.color(), 0.45);
        for (int r = 1; r <= last; r++) {
            boolean current = r == last;
            for (int i = 0; i < p.clients(); i++) {
                d.color(current ? light : Colors.alpha(light, 0.55));
                d.lineWidth(style.line(current ? 1.8 : 1));
                for (int k = 0; k <= p.localSteps(); k++) {
                    double x = clamp(L.px(p.clientX(i, r, k))), y = clamp(L.py(p.clientY(i, r, k)));
                    if (!Double.isFinite(x) || !Double.isFinite(y)) {
                        break;
                    }
                    if (k == 0) {
                        d.moveTo(x, y);
                    } else {
                        d.lineTo(x, y);
                    }
                }
                d.stroke();
                if (current) {
                    double ex = L.px(p.clientX(i, r, p.localSteps())), ey = L.py(p.clientY(i, r, p.localSteps()));
                    if (Double.isFinite(ex) && Double.isFinite(ey)) {
                        d.color(WHITE);
                        d.fillCircle(ex, ey, style.line(3.2));
                        d.color(light);
                        d.fillCircle(ex, ey, style.line(2.2));
                        if (i < scene.clients().size()) {
                            double size = style.font(10);
                            d.color(style.panel());
                            String s = scene.clients().get(i);
                            d.fillRect(ex + 5, ey - size - 2, d.textWidth(s, size, false) + 4, size * 1.3);
                            d.color(style.foreground());
                            d.text(s, ex + 7, ey - 3, size, Align.LEFT, false);
                        }
                    }
                }
            }
        }
    }

    /** The server path x_0 … x_last: bold with a white halo, a dot per round, a large marker at x_last. */
    private static void server(Drawing d, Run run, int last, PlotLayout L, PlotStyle style) {
        FederatedPath p = run.path();
        double w = style.line(3.5);
        for (int pass = 0; pass < 2; pass++) {
            d.color(pass == 0 ? Colors.alpha(WHITE, 0.7) : run.color());
            d.lineWidth(pass == 0 ? w + 2.5 * style.lineScale() : w);
            for (int r = 0; r <= last; r++) {
                double x = clamp(L.px(p.serverX(r))), y = clamp(L.py(p.serverY(r)));
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    break;
                }
                if (r == 0) {
                    d.moveTo(x, y);
                } else {
                    d.lineTo(x, y);
                }
            }
            d.stroke();
        }
        for (int r = 1; r < last; r++) {
            double x = L.px(p.serverX(r)), y = L.py(p.serverY(r));
            if (Double.isFinite(x) && Double.isFinite(y)) {
                d.color(WHITE);
                d.fillCircle(x, y, style.line(2.6));
                d.color(run.color());
                d.fillCircle(x, y, style.line(1.8));
            }
        }
        double x = L.px(p.serverX(last)), y = L.py(p.serverY(last));
        if (Double.isFinite(x) && Double.isFinite(y)) {
            d.color(WHITE);
            d.fillCircle(x, y, style.line(8));
            d.color(run.color());
            d.fillCircle(x, y, style.line(6.5));
        }
    }

    /** F's minimum: a white-edged black cross with its name. */
    private static void minimumMarker(Drawing d, double x, double y, PlotStyle style) {
        double r = style.line(6);
        for (int pass = 0; pass < 2; pass++) {
            d.color(pass == 0 ? WHITE : 0xFF000000);
            d.lineWidth(style.line(pass == 0 ? 4.5 : 2));
            d.moveTo(x - r, y - r);
            d.lineTo(x + r, y + r);
            d.moveTo(x - r, y + r);
            d.lineTo(x + r, y - r);
            d.stroke();
        }
        double size = style.font(11);
        String s = "min of F";
        d.color(style.panel());
        d.fillRect(x + r + 3, y + 2, d.textWidth(s, size, true) + 4, size * 1.3);
        d.color(style.foreground());
        d.text(s, x + r + 5, y + size + 1, size, Align.LEFT, true);
    }

    /** The round; run i's server path and F at the round; then what the thin lines are. */
    private static void legend(Drawing d, Scene scene, PlotLayout L, PlotStyle style) {
        List<Legend.Entry> entries = new ArrayList<>();
        entries.add(new Legend.Entry((g, x, cy, w, size) -> { }, "round " + scene.round(), true, false));
        for (Run run : scene.runs()) {
            String status = "";
            FederatedPath p = run.path();
            if (p != null) {
                int r = Math.min(scene.round(), p.rounds());
                status = p.diverged() && p.divergedAt() <= scene.round() ? "  diverged in round " + p.divergedAt()
                        : "  F " + Ticks.compact(p.serverLoss(r));
            }
            entries.add(new Legend.Entry(Legend.line(run.visible() ? run.color() : Colors.alpha(run.color(), 0.3),
                    style.line(4)), run.label() + status, false, !run.visible()));
        }
        String note = "thin: each client's " + (scene.runs().isEmpty() || scene.runs().get(0).path() == null ? "K"
                : scene.runs().get(0).path().localSteps()) + " local steps per round";
        entries.add(new Legend.Entry(Legend.line(scene.runs().isEmpty() ? style.muted() : mix(scene.runs().get(0).color(), 0.45),
                style.line(1.6)), note, false, true));
        Legend.card(d, style, entries, L.left() + L.plotWidth() - 8, L.top() + 8, true, L.plotWidth() - 16);
    }

    /** The colour mixed with white: {@code keep} of the colour, the rest white (a lighter shade, opaque). */
    static int mix(int argb, double keep) {
        int r = (argb >> 16) & 255, g = (argb >> 8) & 255, b = argb & 255;
        r = (int) Math.round(keep * r + (1 - keep) * 255);
        g = (int) Math.round(keep * g + (1 - keep) * 255);
        b = (int) Math.round(keep * b + (1 - keep) * 255);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    private static double clamp(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }
}
