#!/usr/bin/python3
"""Expected learning rates for org.losslab.engine.schedule, from PyTorch (Debian's python3-torch 1.13).

usage: /usr/bin/python3 src/test/python/schedule_tables.py [OUTDIR]
OUTDIR defaults to src/test/resources/org/losslab/engine/schedule. Writes <type>.csv with header
case,s,lr (the rate of update s after warmup, repr() of the double) for every case in CASES, and
plateau-losses.csv, the fixed loss sequence the plateau cases are fed.

`rates` is shared/tools/torch_reference.py's lr_sequence with no warmup: closed forms for step,
multiStep, exponential, cosine and linear (written in the same floating-point order), and the torch
schedulers themselves, stepped once per update, for cosineRestarts, oneCycle, cyclic and plateau.
The Java test (ScheduleTablesTest) holds the same cases by name.
"""
import math, os, random, sys
import torch

torch.set_default_dtype(torch.float64)

# (type, case name, optimizer lr, n = updates after warmup, schedule parameters as in a scenario)
CASES = [
    ("step", "size30", 0.1, 300, {"stepSize": 30}),
    ("step", "size7-half", 0.01, 300, {"stepSize": 7, "gamma": 0.5}),
    ("step", "size1", 1.0, 400, {"stepSize": 1, "gamma": 0.97}),
    ("step", "grow", 0.003, 300, {"stepSize": 45, "gamma": 1.7}),
    ("multiStep", "three", 0.1, 300, {"milestones": [30, 80, 150]}),
    ("multiStep", "zero-and-repeat", 0.05, 300, {"milestones": [0, 5, 5, 200], "gamma": 0.5}),
    ("multiStep", "unsorted", 0.2, 300, {"milestones": [120, 40, 299, 1000], "gamma": 0.3}),
    ("multiStep", "none", 0.2, 300, {"milestones": []}),
    ("exponential", "slow", 0.01, 300, {"gamma": 0.99}),
    ("exponential", "fast", 0.3, 400, {"gamma": 0.9}),
    ("exponential", "grow", 1e-4, 300, {"gamma": 1.01}),
    ("cosine", "default", 0.1, 300, {}),
    ("cosine", "short-etaMin", 0.05, 300, {"tMax": 100, "etaMin": 0.001}),
    ("cosine", "tMax7", 0.5, 300, {"tMax": 7}),
    ("cosine", "long", 0.01, 300, {"tMax": 1000, "etaMin": 1e-5}),
    ("cosine", "odd-n", 0.037, 333, {"etaMin": 0.002}),
    ("cosineRestarts", "t10", 0.1, 300, {"t0": 10}),
    ("cosineRestarts", "t10-mult2-etaMin", 0.1, 400, {"t0": 10, "tMult": 2, "etaMin": 0.001}),
    ("cosineRestarts", "t1-mult3", 0.05, 400, {"t0": 1, "tMult": 3}),
    ("cosineRestarts", "t7-etaMin", 0.2, 300, {"t0": 7, "tMult": 1, "etaMin": 0.05}),
    ("cosineRestarts", "t13-mult2", 0.01, 500, {"t0": 13, "tMult": 2}),
    ("linear", "default", 0.1, 300, {}),
    ("linear", "warmup-like", 0.02, 300, {"startFactor": 0.25, "endFactor": 1.0, "totalIters": 50}),
    ("linear", "beyond-n", 0.3, 300, {"startFactor": 1.0, "endFactor": 0.1, "totalIters": 333}),
    ("linear", "odd-n", 0.07, 377, {"startFactor": 0.9, "endFactor": 0.3}),
    ("oneCycle", "cos", 0.01, 250, {"maxLr": 0.02}),
    ("oneCycle", "linear", 0.01, 300, {"maxLr": 0.1, "annealStrategy": "linear"}),
    ("oneCycle", "three-phase-cos", 0.01, 300, {"maxLr": 0.05, "threePhase": True}),
    ("oneCycle", "three-phase-linear", 0.01, 301,
     {"maxLr": 0.05, "threePhase": True, "annealStrategy": "linear", "pctStart": 0.37}),
    ("oneCycle", "longer-cycle", 0.01, 300,
     {"maxLr": 0.3, "totalSteps": 500, "pctStart": 0.25, "divFactor": 10, "finalDivFactor": 100}),
    ("oneCycle", "odd-pct", 0.01, 333, {"maxLr": 0.7, "pctStart": 0.123, "divFactor": 3.5}),
    ("oneCycle", "no-rise", 0.01, 300, {"maxLr": 0.2, "pctStart": 0.0}),
    ("cyclic", "triangular", 0.01, 300, {"baseLr": 0.001, "maxLr": 0.01, "stepSizeUp": 20}),
    ("cyclic", "triangular-down", 0.01, 400,
     {"baseLr": 0.002, "maxLr": 0.05, "stepSizeUp": 13, "stepSizeDown": 37}),
    ("cyclic", "triangular2", 0.01, 400,
     {"baseLr": 0.001, "maxLr": 0.1, "stepSizeUp": 15, "stepSizeDown": 35, "mode": "triangular2"}),
    ("cyclic", "exp-range", 0.01, 400,
     {"baseLr": 0.001, "maxLr": 0.1, "stepSizeUp": 10, "stepSizeDown": 30, "mode": "exp_range", "gamma": 0.99}),
    ("cyclic", "exp-range-symmetric", 0.01, 300,
     {"baseLr": 0.01, "maxLr": 0.03, "stepSizeUp": 25, "mode": "exp_range", "gamma": 0.995}),
    ("cyclic", "sawtooth", 0.01, 300, {"baseLr": 0.0, "maxLr": 0.02, "stepSizeUp": 9, "stepSizeDown": 0}),
    ("cyclic", "default-sizes", 0.01, 300, {"baseLr": 0.001, "maxLr": 0.006}),
    ("plateau", "default", 0.1, 400, {}),
    ("plateau", "patience3-cooldown5", 0.1, 400, {"patience": 3, "cooldown": 5, "factor": 0.5}),
    ("plateau", "threshold", 0.2, 400, {"patience": 4, "threshold": 0.02, "factor": 0.7}),
    ("plateau", "minLr", 0.1, 400, {"patience": 2, "minLr": 0.003}),
    ("plateau", "eps", 0.01, 400, {"patience": 2, "eps": 1e-3}),
    ("plateau", "no-patience", 1.0, 400, {"patience": 0, "cooldown": 2, "factor": 0.9, "threshold": 0.0}),
]


def plateau_losses(count=400):
    """A loss curve with every situation ReduceLROnPlateau distinguishes (seeded, then committed)."""
    rng = random.Random(20240611)
    out, level = [], 10.0
    for s in range(count):
        if s < 50:  # fast progress: 3 % per update, better under every threshold tried
            level *= 0.97
            v = level
        elif s < 120:  # creeping: 1e-5 relative per update, below the default threshold 1e-4
            level *= 1 - 1e-5
            v = level
        elif s < 200:  # noisy slow descent: some updates beat best by > 1e-4, most do not
            level *= 0.999
            v = level * (1 + 0.01 * rng.uniform(-1, 1))
        elif s < 240:  # getting worse
            level *= 1.004
            v = level
        elif s < 300:  # a second fast drop, then 1 % steps (better at 1e-4, not at 2e-2)
            level *= 0.95 if s < 260 else 0.99
            v = level
        elif s < 330:  # exactly flat: never better, whatever the threshold
            v = level
        else:  # tiny oscillation around a slowly falling level
            level *= 0.9995
            v = level * (1 + 1e-3 * math.sin(0.7 * s))
        out.append(v)
    return out


def rates(typ, sch, base_lr, n, losses):
    if typ == "step":
        return [base_lr * sch.get("gamma", 0.1) ** (s // sch["stepSize"]) for s in range(n)]
    if typ == "multiStep":
        return [base_lr * sch.get("gamma", 0.1) ** sum(1 for m in sch["milestones"] if m <= s) for s in range(n)]
    if typ == "exponential":
        return [base_lr * sch["gamma"] ** s for s in range(n)]
    if typ == "cosine":
        T, em = sch.get("tMax", n), sch.get("etaMin", 0.0)
        return [em + (base_lr - em) * (1 + math.cos(math.pi * min(s, T) / T)) / 2 for s in range(n)]
    if typ == "linear":
        sf, ef, T = sch.get("startFactor", 1.0), sch.get("endFactor", 0.0), sch.get("totalIters", n)
        return [base_lr * (sf + (ef - sf) * min(s, T) / T) for s in range(n)]
    q = torch.nn.Parameter(torch.zeros(1))
    if typ == "plateau":
        opt = torch.optim.SGD([q], lr=base_lr)
        sc = torch.optim.lr_scheduler.ReduceLROnPlateau(
            opt, mode="min", factor=sch.get("factor", 0.1), patience=sch.get("patience", 10),
            threshold=sch.get("threshold", 1e-4), threshold_mode="rel", cooldown=sch.get("cooldown", 0),
            min_lr=sch.get("minLr", 0), eps=sch.get("eps", 1e-8))
        out = []
        for s in range(n):
            out.append(opt.param_groups[0]["lr"])
            sc.step(losses[s])
        return out
    opt = torch.optim.SGD([q], lr=base_lr, momentum=0.9)
    if typ == "cosineRestarts":
        sc = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=sch["t0"], T_mult=sch.get("tMult", 1),
                                                                  eta_min=sch.get("etaMin", 0))
    elif typ == "oneCycle":
        sc = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=sch["maxLr"], total_steps=sch.get("totalSteps", n),
                                                 pct_start=sch.get("pctStart", 0.3), div_factor=sch.get("divFactor", 25),
                                                 final_div_factor=sch.get("finalDivFactor", 1e4),
                                                 anneal_strategy=sch.get("annealStrategy", "cos"),
                                                 three_phase=sch.get("threePhase", False), cycle_momentum=False)
    elif typ == "cyclic":
        sc = torch.optim.lr_scheduler.CyclicLR(opt, base_lr=sch["baseLr"], max_lr=sch["maxLr"],
                                               step_size_up=sch.get("stepSizeUp", 2000),
                                               step_size_down=sch.get("stepSizeDown"), mode=sch.get("mode", "triangular"),
                                               gamma=sch.get("gamma", 1.0), cycle_momentum=False)
    else:
        raise ValueError(typ)
    out = []
    for s in range(n):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sc.step()
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "resources", "org", "losslab", "engine", "schedule")
    outdir = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else default)
    os.makedirs(outdir, exist_ok=True)
    losses = plateau_losses()
    with open(os.path.join(outdir, "plateau-losses.csv"), "w") as fh:
        fh.write("s,loss\n" + "".join("%d,%r\n" % (s, v) for s, v in enumerate(losses)))
    tables = {}
    for typ, name, lr, n, sch in CASES:
        rows = tables.setdefault(typ, [])
        for s, v in enumerate(rates(typ, sch, lr, n, losses)):
            rows.append("%s,%d,%r\n" % (name, s, float(v)))
    for typ, rows in tables.items():
        with open(os.path.join(outdir, typ + ".csv"), "w") as fh:
            fh.write("case,s,lr\n" + "".join(rows))
        print(typ, len(rows), "rows")


if __name__ == "__main__":
    main()
