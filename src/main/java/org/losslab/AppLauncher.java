package org.losslab;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Opens the desktop app with JavaFX as named modules, the configuration OpenJFX supports (from the
 * class path it works but warns "Unsupported JavaFX configuration" at every start).
 *
 * <p>Three cases. In the packaged app JavaFX is linked into the runtime image, so it is in the boot
 * layer, and in tests and IDEs it is on the class path: then the app starts directly. From
 * {@code java -jar target/losslab.jar} JavaFX is in {@code target/javafx} beside the jar (the build
 * copies it there and keeps it off the jar's Class-Path): its modules are defined in a layer of
 * their own, and the app's JavaFX code ({@code org.losslab.app} and the 3-D library fxyz3d) is
 * loaded by a class loader that sees that layer, while the engine, the file formats and rendering
 * stay with the application class loader (they never touch JavaFX). The app is reached through
 * {@link AppEntry} and {@link ServiceLoader}, since its classes belong to that other loader.
 */
final class AppLauncher {
    private static final Set<String> FX_MODULES = Set.of("javafx.controls", "javafx.fxml", "javafx.swing");
    /** Packages the app's own loader defines: they use JavaFX, so they must see the JavaFX layer. */
    private static final List<String> CHILD_FIRST = List.of("org.losslab.app.", "org.fxyz3d.", "eu.mihosoft.", "org.poly2tri.");

    private AppLauncher() {
    }

    static void launch(String[] args) {
        if (ModuleLayer.boot().findModule("javafx.graphics").isPresent() || onClassPath("javafx.application.Application")) {
            entry(AppLauncher.class.getClassLoader()).open(args);
            return;
        }
        Path jar = ownJar();
        Path fx = jar == null ? null : jar.getParent().resolve("javafx");
        if (fx == null || !Files.isDirectory(fx)) {
            System.err.println("losslab: cannot start the app: JavaFX is neither in the Java runtime nor in " + fx
                    + " (build with ./mvnw package)");
            System.exit(1);
        }
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(fx), ModuleFinder.of(), FX_MODULES);
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        Set<String> fxPackages = new HashSet<>();
        layer.modules().forEach(m -> fxPackages.addAll(m.getPackages()));
        ClassLoader app = new AppClassLoader(appJars(jar), layer.findLoader("javafx.graphics"), fxPackages);
        Thread.currentThread().setContextClassLoader(app);
        entry(app).open(args);
    }

    private static AppEntry entry(ClassLoader loader) {
        return ServiceLoader.load(AppEntry.class, loader).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.getClass().getClassLoader() == loader).findFirst()
                .orElseThrow(() -> new IllegalStateException("no org.losslab.AppEntry in " + loader));
    }

    private static boolean onClassPath(String name) {
        try {
            Class.forName(name, false, AppLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The jar this class was loaded from, or null when it comes from a folder of classes. */
    private static Path ownJar() {
        try {
            Path p = Path.of(AppLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    /** The app jar and the libraries beside it (lib/ of target, or the same folder in a package). */
    private static URL[] appJars(Path jar) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(jar.toUri().toURL());
            Path lib = jar.getParent().resolve("lib");
            Path folder = Files.isDirectory(lib) ? lib : jar.getParent();
            try (Stream<Path> jars = Files.list(folder)) {
                for (Path p : jars.filter(p -> p.toString().endsWith(".jar") && !p.equals(jar)).sorted().toList()) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the app's libraries: " + e.getMessage(), e);
        }
        return urls.toArray(new URL[0]);
    }

    /**
     * Defines the JavaFX-using packages itself ({@link #CHILD_FIRST}), finds JavaFX in its layer and
     * leaves everything else to the application class loader, so the engine's classes are shared.
     */
    private static final class AppClassLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader fx;
        private final Set<String> fxPackages;

        AppClassLoader(URL[] urls, ClassLoader fx, Set<String> fxPackages) {
            super("losslab-app", urls, ClassLoader.getSystemClassLoader());
            this.fx = fx;
            this.fxPackages = fxPackages;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    if (CHILD_FIRST.stream().anyMatch(name::startsWith)) {
                        c = findClass(name);
                    } else if (name.lastIndexOf('.') > 0 && fxPackages.contains(name.substring(0, name.lastIndexOf('.')))) {
                        c = fx.loadClass(name);
                    } else {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }
}
