package org.losslab.render;

/**
 * Colours and sizes of the plots, from the app's theme (or the export's). A classroom projector
 * needs bigger type and thicker lines: {@code fontScale} and {@code lineScale}.
 *
 * @param background behind the plot and axes
 * @param foreground axis labels, tick labels, legend text
 * @param muted      axes, ticks and frames
 * @param panel      legend and hover-card background
 * @param isoLine    iso-lines over the filled contours (with alpha)
 */
public record PlotStyle(int background, int foreground, int muted, int panel, int isoLine, double fontScale,
                        double lineScale) {

    public static final PlotStyle LIGHT = new PlotStyle(0xFFFFFFFF, 0xFF1F2328, 0xFF656D76, 0xE6FFFFFF, 0x59FFFFFF, 1, 1);
    public static final PlotStyle DARK = new PlotStyle(0xFF0D1117, 0xFFE6EDF3, 0xFF8D96A0, 0xE6161B22, 0x59FFFFFF, 1, 1);

    /** This style for a projector: larger type, thicker lines. */
    public PlotStyle presentation() {
        return new PlotStyle(background, foreground, muted, panel, isoLine, 1.5, 2);
    }

    public PlotStyle scaled(double font, double line) {
        return new PlotStyle(background, foreground, muted, panel, isoLine, font, line);
    }

    public double font(double size) {
        return size * fontScale;
    }

    public double line(double w) {
        return w * lineScale;
    }
}
