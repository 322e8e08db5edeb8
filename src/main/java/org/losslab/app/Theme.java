package org.losslab.app;

import org.losslab.render.PlotStyle;

/**
 * The look: a stylesheet of semantic colours (styles/light.css or styles/dark.css, over
 * styles/app.css) and the plot colours that go with it.
 */
enum Theme {
    LIGHT("/styles/light.css", PlotStyle.LIGHT),
    DARK("/styles/dark.css", PlotStyle.DARK);

    static final String BASE = "/styles/app.css";
    static final String PRESENTATION = "/styles/presentation.css";

    private final String css;
    private final PlotStyle plot;

    Theme(String css, PlotStyle plot) {
        this.css = css;
        this.plot = plot;
    }

    String stylesheet() {
        return url(css);
    }

    PlotStyle plotStyle(boolean presentation) {
        return presentation ? plot.presentation() : plot;
    }

    static String url(String resource) {
        var u = Theme.class.getResource(resource);
        if (u == null) {
            throw new IllegalStateException("missing stylesheet " + resource + " (styles/ is copied into the jar by the build)");
        }
        return u.toExternalForm();
    }
}
