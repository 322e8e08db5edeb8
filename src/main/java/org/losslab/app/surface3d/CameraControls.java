package org.losslab.app.surface3d;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.losslab.render.surface3d.ViewCamera;

/**
 * Mouse and keys move a 3-D view's camera: drag to rotate, right- or Shift-drag to pan, scroll to
 * zoom; with focus, the arrow keys rotate (Shift: pan), + and − zoom and Home resets. Each gesture
 * turns into the next {@link ViewCamera}; the view decides what that means for its scene.
 */
final class CameraControls {
    private static final double ROTATE_STEP = 5, ZOOM_STEP = 1.15, PAN_STEP = 0.05;

    private final Region view;
    private final Supplier<ViewCamera> camera;
    private final Consumer<ViewCamera> apply;
    private double lastX, lastY;

    private CameraControls(Region view, Supplier<ViewCamera> camera, Consumer<ViewCamera> apply) {
        this.view = view;
        this.camera = camera;
        this.apply = apply;
    }

    /**
     * @param camera the view's current camera
     * @param apply  shows the next one
     */
    static void install(Region view, Supplier<ViewCamera> camera, Consumer<ViewCamera> apply) {
        CameraControls c = new CameraControls(view, camera, apply);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, c::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, c::dragged);
        view.addEventHandler(ScrollEvent.SCROLL, c::scrolled);
        view.addEventHandler(KeyEvent.KEY_PRESSED, c::keyPressed);
    }

    private void pressed(MouseEvent e) {
        lastX = e.getX();
        lastY = e.getY();
        view.requestFocus();
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - lastX, dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        ViewCamera c = camera.get();
        if (e.isSecondaryButtonDown() || e.isMiddleButtonDown() || e.isShiftDown()) {
            double perPixel = 2 * c.distance() * Math.tan(Math.toRadians(ViewCamera.FIELD_OF_VIEW / 2)) / Math.max(1, view.getHeight());
            apply.accept(c.panned(-dx * perPixel, -dy * perPixel));
        } else {
            apply.accept(c.rotated(dx * 0.4, dy * 0.3));
        }
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        apply.accept(camera.get().zoomed(Math.exp(e.getDeltaY() * 0.002)));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        ViewCamera c = camera.get();
        ViewCamera next = null;
        boolean pan = e.isShiftDown();
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> next = pan ? c.panned(PAN_STEP, 0) : c.rotated(-ROTATE_STEP, 0);
            case RIGHT, KP_RIGHT -> next = pan ? c.panned(-PAN_STEP, 0) : c.rotated(ROTATE_STEP, 0);
            case UP, KP_UP -> next = pan ? c.panned(0, PAN_STEP) : c.rotated(0, -ROTATE_STEP);
            case DOWN, KP_DOWN -> next = pan ? c.panned(0, -PAN_STEP) : c.rotated(0, ROTATE_STEP);
            case PLUS, EQUALS, ADD -> next = c.zoomed(ZOOM_STEP);
            case MINUS, SUBTRACT, UNDERSCORE -> next = c.zoomed(1 / ZOOM_STEP);
            case HOME, DIGIT0, NUMPAD0 -> next = ViewCamera.DEFAULT;
            default -> {
            }
        }
        if (next != null) {
            apply.accept(next);
            e.consume();
        }
    }
}
