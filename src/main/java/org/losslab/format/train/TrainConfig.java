package org.losslab.format.train;

import java.util.ArrayList;
import java.util.List;
import org.losslab.engine.mlp.Architecture;
import org.losslab.engine.mlp.DataSpec;
import org.losslab.engine.mlp.Dataset;
import org.losslab.engine.mlp.Init;
import org.losslab.engine.mlp.TrainRun;
import org.losslab.engine.mlp.Training;
import org.losslab.engine.random.Seeds;
import org.losslab.engine.schedule.ConstantSchedule;
import org.losslab.format.OptimizerCatalog;
import org.losslab.format.Palette;
import org.losslab.format.ScheduleCatalog;
import org.losslab.format.Typed;

/**
 * A training config file ({@code "format": "losslab-train/1"}, see docs/train-format.md) as read
 * and checked by {@link TrainConfigReader}: immutable, and turned into the engine's
 * {@link Training} by {@link #training()}.
 *
 * @param imported the points of a CSV data file (null for generated data)
 */
public record TrainConfig(String title, String description, DataSpec data, Dataset imported, Architecture network,
                          Init init, long steps, long seed, List<Run> runs) {
    public static final String FORMAT = "losslab-train/1";
    /** Purpose tag of the initial weights' random stream (see {@link Seeds}). */
    static final int INIT_STREAM = 3;

    public TrainConfig {
        runs = List.copyOf(runs);
    }

    /** One run as the file gives it; optimizer and schedule in the scenario format. */
    public record Run(String label, String color, Typed optimizer, Typed schedule, long warmupSteps,
                      double noiseTemperature, double samRho, Double clipNorm, int batchSize) {

        public TrainRun toTrainRun() {
            return new TrainRun(OptimizerCatalog.build(optimizer),
                    schedule == null ? new ConstantSchedule() : ScheduleCatalog.build(schedule), warmupSteps,
                    noiseTemperature, samRho, clipNorm == null ? Double.POSITIVE_INFINITY : clipNorm, batchSize);
        }
    }

    /** Legend labels: the given ones, else the optimizer type. */
    public List<String> labels() {
        List<String> l = new ArrayList<>();
        for (Run r : runs) {
            l.add(r.label() != null ? r.label() : r.optimizer().type());
        }
        return l;
    }

    /** Run colours: the given ones, else the palette's. */
    public List<String> colors() {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            c.add(runs.get(i).color() != null ? runs.get(i).color() : Palette.run(i));
        }
        return c;
    }

    /** The data split, the network and its initial weights, and the runs, ready to train. */
    public Training training() {
        DataSpec.Split split = imported != null ? data.split(imported) : data.split();
        double[] w = init.weights(network, Seeds.of(seed, 0, INIT_STREAM));
        return new Training(network, split, w, steps, seed, runs.stream().map(Run::toTrainRun).toList());
    }
}
