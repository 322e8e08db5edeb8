#!/usr/bin/python3
"""Reference trajectories for the run options of docs/scenario-format.md "More methods" (float64).

usage: /usr/bin/python3 src/test/resources/org/losslab/engine/update/methods_reference.py \
           src/test/resources/org/losslab/reference/methods-*.json
       -> src/test/resources/org/losslab/reference/<name>.{json,csv} (checked by PyTorchReferenceTest)
          and src/test/resources/org/losslab/engine/update/<name>-channels.csv (run,step,channel,value:
          Lookahead's slow weights, SWA's average and ES's samples, checked by MethodsReferenceTest)

Extends shared/tools/torch_reference.py (imported from ../shared/tools beside the repository, or
$LOSSLAB_TOOLS): its surfaces, optimizers and schedules, and one update in the spec's order with

  torch itself     clipValue (torch.nn.utils.clip_grad_value_), l1/l2 (autograd of the loss terms),
                   swa (torch.optim.swa_utils.AveragedModel and SWALR, stepped once per update);
  the papers       samAdaptive (Kwon et al. 2021: e = rho T^2 g / |T g|, T = diag(|p| + 0.01)),
                   lookahead (Zhang et al. 2019, Algorithm 1: slow.add_(fast - slow, alpha), fast = slow),
                   gradientEstimator es (Salimans et al. 2017, Algorithm 1 with mirrored sampling and
                   centred ranks), its normal draws replayed from the Java generator (SplittableRandom,
                   Marsaglia polar) with the run's seed (org.losslab.engine.random.Seeds).
"""
import json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, *[".."] * 7))
sys.path.insert(0, os.environ.get("LOSSLAB_TOOLS", os.path.join(REPO, "..", "shared", "tools")))
import torch
import torch_reference as tr

torch.set_default_dtype(torch.float64)
M64 = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def seed_of(seed, run, purpose):
    """org.losslab.engine.random.Seeds.of"""
    z = (seed * 0x9E3779B97F4A7C15 + (run + 1) * 0xBF58476D1CE4E5B9 + purpose * 0x94D049BB133111EB) & M64
    return mix64(z)


class Gaussian:
    """java.util.SplittableRandom(seed).nextDouble() into the Marsaglia polar method (engine.random.Gaussian)."""

    def __init__(self, seed):
        self.s = seed & M64
        self.spare = None

    def uniform(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        return (mix64(self.s) >> 11) * 2.0 ** -53

    def next(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        m = math.sqrt(-2 * math.log(s) / s)
        self.spare = v * m
        return u * m


ESTIMATOR = 5


def run_one(sc, ri, run, channels):
    f = tr.surface_fn(sc["surface"])
    steps = sc["steps"]
    p = torch.nn.Parameter(torch.tensor(run.get("start", sc["start"]), dtype=torch.float64))
    o = run["optimizer"]
    opt = tr.make_optimizer(o, p)
    defaults = {"sgd": 0.01, "adam": 1e-3, "adamw": 1e-3, "rmsprop": 1e-2, "adagrad": 1e-2, "nadam": 2e-3}
    base_lr = o.get("lr", defaults[o["type"]])
    lrs = tr.lr_sequence(run, steps, base_lr)
    assert lrs is not None and run.get("noiseTemperature", 0) == 0 and "batchSize" not in run
    rho, clip, clipv = run.get("samRho", 0.0), run.get("clipNorm"), run.get("clipValue")
    l1, l2, adaptive = run.get("l1", 0.0), run.get("l2", 0.0), run.get("samAdaptive", False)
    la, swa, es = run.get("lookahead"), run.get("swa"), run.get("gradientEstimator")
    if la is not None:
        k, alpha = la.get("k", 5), la.get("alpha", 0.5)
        slow = p.detach().clone()
    if swa is not None:
        swa_model = torch.optim.swa_utils.AveragedModel(torch.nn.ParameterList([p]))
        swa_sched = None
        if "swaLr" in swa:
            swa_sched = torch.optim.swa_utils.SWALR(opt, swa_lr=swa["swaLr"], anneal_epochs=swa.get("annealSteps", 10),
                                                   anneal_strategy=swa.get("annealStrategy", "cos"))
        start, every = swa["start"], swa.get("every", 1)
    if es is not None:
        pop, sigma = es.get("population", 10), es.get("sigma", 0.1)
        anti, ranks = es.get("antithetic", True), es.get("rankShaping", True)
        rng = Gaussian(seed_of(sc.get("seed", 0), ri, ESTIMATOR))

    def grad_at(pt, step):
        q = pt.detach().clone().requires_grad_(True)
        v = f(q, step)
        (gq,) = torch.autograd.grad(v, q)
        return v.detach(), gq

    def loss_at(pt, step):
        return f(pt.detach().clone(), step).item()

    rows = []
    label = run.get("label", o["type"])

    def emit(step, lr):
        v, gq = grad_at(p, step)
        rows.append((ri, label, step, p[0].item(), p[1].item(), v.item(), gq.norm().item(), lr))
        return all(math.isfinite(z) for z in rows[-1][3:7])

    emit(0, None)
    group_lr = None
    for t in range(steps):
        lr = lrs[t]
        if swa is not None and swa_sched is not None and t > start:
            lr = group_lr  # SWALR owns the rate after swa_start
        opt.param_groups[0]["lr"] = lr
        if es is not None:
            draws = pop // 2 if anti else pop
            eps = []
            for i in range(draws):
                eps.append(torch.tensor([rng.next(), rng.next()]))
            if anti:
                eps = eps + [-e for e in eps]
            F = [loss_at(p.detach() + sigma * e, t) for e in eps]
            if ranks:
                order = sorted(range(pop), key=lambda i: F[i])
                u = [0.0] * pop
                for rank, i in enumerate(order):
                    u[i] = rank / (pop - 1) - 0.5
            else:
                u = F
            gq = torch.zeros(2)
            for d in range(2):
                s = 0.0
                for i in range(pop):
                    s += u[i] * eps[i][d].item()
                gq[d] = s * (1.0 / (pop * sigma))
            for i in range(min(pop, 32)):
                pt = p.detach() + sigma * eps[i]
                channels.append((ri, t + 1, "es.x%d" % i, pt[0].item()))
                channels.append((ri, t + 1, "es.y%d" % i, pt[1].item()))
        else:
            _, gq = grad_at(p, t)
        if rho > 0:
            if adaptive:
                T = p.detach().abs() + 0.01
                n = (T * gq).norm()
                e = rho * (T * (T * gq)) / n if n > 0 else torch.zeros(2)
            else:
                n = gq.norm()
                e = rho * gq / n if n > 0 else torch.zeros(2)
            _, gq = grad_at(p.detach() + e, t)
        if l1 or l2:
            q = p.detach().clone().requires_grad_(True)
            pen = l1 * q.abs().sum() + l2 / 2 * (q * q).sum()
            (gp,) = torch.autograd.grad(pen, q)
            gq = gq + gp
        if clip is not None:
            gq = gq * min(1.0, clip / (gq.norm().item() + 1e-6))
        p.grad = gq.clone()
        if clipv is not None:
            torch.nn.utils.clip_grad_value_([p], clipv)
        opt.step()
        if la is not None:
            if (t + 1) % k == 0:
                with torch.no_grad():
                    slow.add_(p.detach() - slow, alpha=alpha)
                    p.copy_(slow)
            channels.append((ri, t + 1, "lookahead.x", slow[0].item()))
            channels.append((ri, t + 1, "lookahead.y", slow[1].item()))
        if swa is not None:
            if t >= start and (t - start) % every == 0:
                swa_model.update_parameters(torch.nn.ParameterList([p]))
            if swa_sched is not None and t >= start:
                swa_sched.step()
                group_lr = opt.param_groups[0]["lr"]
            if swa_model.n_averaged.item() > 0:
                a = list(swa_model.parameters())[0]
                channels.append((ri, t + 1, "swa.x", a[0].item()))
                channels.append((ri, t + 1, "swa.y", a[1].item()))
        ok = emit(t + 1, lr)
        if not ok:
            break
    return rows


def main():
    ref = os.path.join(REPO, "src", "test", "resources", "org", "losslab", "reference")
    upd = os.path.join(REPO, "src", "test", "resources", "org", "losslab", "engine", "update")
    for path in sys.argv[1:]:
        sc = json.load(open(path))
        name = os.path.splitext(os.path.basename(path))[0]
        lines = ["run,label,step,x,y,loss,grad_norm,lr"]
        channels = []
        for ri, run in enumerate(sc["runs"]):
            for r in run_one(sc, ri, run, channels):
                lines.append(",".join(tr.fmt(v) for v in r))
        with open(os.path.join(ref, name + ".json"), "w") as fh:
            json.dump(sc, fh, indent=2)
            fh.write("\n")
        with open(os.path.join(ref, name + ".csv"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
        if channels:
            with open(os.path.join(upd, name + "-channels.csv"), "w") as fh:
                fh.write("run,step,channel,value\n")
                for c in channels:
                    fh.write("%d,%d,%s,%r\n" % c)
        print(name, len(lines) - 1, "rows,", len(channels), "channel values")


if __name__ == "__main__":
    main()
