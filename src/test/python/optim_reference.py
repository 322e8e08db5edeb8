#!/usr/bin/python3
"""Expected trajectories for org.losslab.engine.optim, from Debian's PyTorch 1.13 in float64.

usage: /usr/bin/python3 src/test/python/optim_reference.py [OUTDIR]
       (OUTDIR defaults to src/test/resources/org/losslab/engine/optim)

Writes
  cases.csv         case,objective,type,params,start   (params: key=value;... with the spec's camelCase keys)
  trajectories.csv  case,step,lr,x0..x4                 (step 0 is the start; lr is that update's rate)
  l1sums.csv        n,sum                               (torch's x.abs().sum() of the vector l1_vector(n))
  solves.csv        n,a,b,x                             (torch.linalg.solve(A, b) = x; A row-major; ';'-separated)
  absh2.csv         h11,h21,h22,a11,a12,a21,a22         (|H| = V @ diag(|w|) @ V.T from torch.linalg.eigh(H))

The objectives are written in plain Python floats, operation for operation as
OptimizerFixtures.java writes them, so loss, gradient and Hessian are bit-identical on both
sides and any difference in the trajectories comes from the optimizers alone. Gradients are
handed to torch by setting p.grad (the closure does the same for L-BFGS); Newton has no
torch.optim class and makes the calls the scenario reference tool (torch_reference.py) makes:
linalg.eigh, V @ diag(|w|) @ V.T, linalg.solve.
"""
import math
import os
import random
import sys

import torch

torch.set_default_dtype(torch.float64)


# ---- objectives (mirrored in OptimizerFixtures.java) -------------------------------------

class Quad2:
    """f = ½(A x² + 2B xy + C y²) + D x + E y, a rotated ill-conditioned bowl (κ ≈ 26)."""
    A, B, C, D, E = 10.5, 9.5, 10.0, -1.0, 2.0

    def value_grad(self, p):
        x, y = p
        A, B, C, D, E = self.A, self.B, self.C, self.D, self.E
        f = 0.5 * (A * x * x + 2 * B * x * y + C * y * y) + D * x + E * y
        return f, [A * x + B * y + D, B * x + C * y + E]

    def hessian(self, p):
        return [[self.A, self.B], [self.B, self.C]]


class Rosen:
    """f = Σ_i 100(x_{i+1} − x_i²)² + (1 − x_i)², the chained Rosenbrock function."""

    def value_grad(self, p):
        n = len(p)
        f = 0.0
        g = [0.0] * n
        for i in range(n - 1):
            u = 1 - p[i]
            v = p[i + 1] - p[i] * p[i]
            f = f + (100 * v * v + u * u)
            g[i] = g[i] + (-400 * p[i] * v - 2 * u)
            g[i + 1] = g[i + 1] + 200 * v
        return f, g

    def hessian(self, p):
        n = len(p)
        h = [[0.0] * n for _ in range(n)]
        for i in range(n - 1):
            v = p[i + 1] - p[i] * p[i]
            h[i][i] = h[i][i] + (2 - 400 * v + 800 * p[i] * p[i])
            h[i][i + 1] = h[i][i + 1] - 400 * p[i]
            h[i + 1][i] = h[i + 1][i] - 400 * p[i]
            h[i + 1][i + 1] = h[i + 1][i + 1] + 200
        return h


class Saddle2:
    """f = ½x² + 0.3xy − ½y² + ¼y⁴: a tilted saddle at the origin between two minima."""

    def value_grad(self, p):
        x, y = p
        f = 0.5 * x * x + 0.3 * x * y - 0.5 * y * y + 0.25 * (y * y * y * y)
        return f, [x + 0.3 * y, 0.3 * x - y + y * y * y]

    def hessian(self, p):
        x, y = p
        return [[1.0, 0.3], [0.3, -1 + 3 * y * y]]


OBJECTIVES = {"quad2": Quad2(), "rosen2": Rosen(), "rosen5": Rosen(), "saddle2": Saddle2()}

# ---- cases ------------------------------------------------------------------------------
# (case, objective, start, type, params, steps). The learning rate of update t is
# lr·(1 + ½·sin(0.9·t)), so every method sees a rate that changes at every step.

R5 = [-1.2, 1.0, -0.5, 0.8, 1.3]
CASES = [
    ("sgd-plain", "quad2", [1.5, -2.0], "sgd", {"lr": 0.02}, 60),
    ("sgd-momentum-dampening-wd", "rosen5", R5, "sgd",
     {"lr": 1e-4, "momentum": 0.9, "dampening": 0.1, "weightDecay": 0.01}, 60),
    ("sgd-nesterov", "rosen2", [-1.5, 2.0], "sgd", {"lr": 5e-4, "momentum": 0.8, "nesterov": True}, 60),
    ("adam-default", "rosen5", R5, "adam", {"lr": 0.01}, 60),
    ("adam-amsgrad-wd", "quad2", [1.5, -2.0], "adam",
     {"lr": 0.05, "beta1": 0.8, "beta2": 0.95, "weightDecay": 0.1, "amsgrad": True}, 60),
    ("adamw", "rosen2", [-1.5, 2.0], "adamw", {"lr": 0.02, "weightDecay": 0.05}, 60),
    ("rmsprop-default", "quad2", [1.5, -2.0], "rmsprop", {"lr": 0.01}, 60),
    ("rmsprop-centered-momentum-wd", "rosen5", R5, "rmsprop",
     {"lr": 1e-3, "alpha": 0.9, "eps": 1e-6, "momentum": 0.5, "centered": True, "weightDecay": 0.02}, 60),
    ("rmsprop-momentum", "rosen2", [-1.5, 2.0], "rmsprop", {"lr": 2e-3, "momentum": 0.9}, 60),
    ("rmsprop-centered", "quad2", [1.5, -2.0], "rmsprop", {"lr": 0.01, "centered": True}, 60),
    ("adagrad-default", "quad2", [1.5, -2.0], "adagrad", {"lr": 0.5}, 60),
    ("adagrad-decay-accumulator-wd", "rosen5", R5, "adagrad",
     {"lr": 0.05, "lrDecay": 0.01, "initialAccumulatorValue": 0.1, "eps": 1e-8, "weightDecay": 0.01}, 60),
    ("nadam-default", "rosen2", [-1.5, 2.0], "nadam", {"lr": 0.01}, 60),
    ("nadam-options", "rosen5", R5, "nadam",
     {"lr": 0.005, "beta1": 0.85, "beta2": 0.98, "eps": 1e-7, "momentumDecay": 0.01, "weightDecay": 0.05}, 60),
    ("nadam-quad", "quad2", [1.5, -2.0], "nadam", {"lr": 0.05}, 60),
    ("lbfgs-none-quad", "quad2", [1.5, -2.0], "lbfgs", {"lr": 1.0}, 40),
    ("lbfgs-none-rosen", "rosen2", [-1.5, 2.0], "lbfgs", {"lr": 0.2, "historySize": 5}, 40),
    ("lbfgs-none-tolchange", "quad2", [1.5, -2.0], "lbfgs", {"lr": 0.3, "tolChange": 1e-2}, 40),
    ("lbfgs-wolfe-rosen2", "rosen2", [-1.5, 2.0], "lbfgs", {"lr": 1.0, "lineSearch": "strongWolfe"}, 40),
    ("lbfgs-wolfe-rosen5-history3", "rosen5", R5, "lbfgs",
     {"lr": 1.0, "lineSearch": "strongWolfe", "historySize": 3}, 40),
    ("lbfgs-wolfe-saddle", "saddle2", [0.8, 0.05], "lbfgs", {"lr": 1.0, "lineSearch": "strongWolfe"}, 40),
    ("lbfgs-wolfe-tolgrad", "quad2", [1.5, -2.0], "lbfgs",
     {"lr": 1.0, "lineSearch": "strongWolfe", "tolGrad": 1e-4}, 40),
    # Huge and tiny rates drive the strong-Wolfe zoom through its boundary moves, bracket swaps
    # and the bracket-width stop.
    ("lbfgs-wolfe-rosen5-huge-lr", "rosen5", R5, "lbfgs",
     {"lr": 300.0, "lineSearch": "strongWolfe", "historySize": 1}, 40),
    ("lbfgs-wolfe-saddle-huge-lr", "saddle2", [-2.5, 3.0], "lbfgs",
     {"lr": 1e4, "lineSearch": "strongWolfe", "historySize": 3}, 40),
    ("lbfgs-wolfe-quad-tiny-lr", "quad2", [1.5, -2.0], "lbfgs",
     {"lr": 1e-6, "lineSearch": "strongWolfe", "historySize": 3}, 40),
    ("newton-quad", "quad2", [1.5, -2.0], "newton", {"lr": 1.0}, 20),
    ("newton-damped-rosen5", "rosen5", R5, "newton", {"lr": 1.0, "damping": 10.0}, 20),
    ("newton-saddle", "saddle2", [0.8, 0.05], "newton", {"lr": 1.0}, 20),
    ("newton-saddlefree", "saddle2", [0.8, 0.05], "newton", {"lr": 1.0, "saddleFree": True}, 20),
    ("newton-saddlefree-damped-rosen5", "rosen5", R5, "newton",
     {"lr": 0.8, "saddleFree": True, "damping": 1.0}, 20),
]


def lr_at(base, t):
    return base * (1 + 0.5 * math.sin(0.9 * t))


def make_optimizer(typ, o, p):
    if typ == "sgd":
        return torch.optim.SGD([p], lr=o["lr"], momentum=o.get("momentum", 0), dampening=o.get("dampening", 0),
                               nesterov=o.get("nesterov", False), weight_decay=o.get("weightDecay", 0))
    if typ in ("adam", "adamw"):
        cls = torch.optim.Adam if typ == "adam" else torch.optim.AdamW
        return cls([p], lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8),
                   weight_decay=o.get("weightDecay", 0 if typ == "adam" else 1e-2), amsgrad=o.get("amsgrad", False))
    if typ == "rmsprop":
        return torch.optim.RMSprop([p], lr=o["lr"], alpha=o.get("alpha", 0.99), eps=o.get("eps", 1e-8),
                                   momentum=o.get("momentum", 0), centered=o.get("centered", False),
                                   weight_decay=o.get("weightDecay", 0))
    if typ == "adagrad":
        return torch.optim.Adagrad([p], lr=o["lr"], lr_decay=o.get("lrDecay", 0), eps=o.get("eps", 1e-10),
                                   initial_accumulator_value=o.get("initialAccumulatorValue", 0),
                                   weight_decay=o.get("weightDecay", 0))
    if typ == "nadam":
        return torch.optim.NAdam([p], lr=o["lr"], betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)),
                                 eps=o.get("eps", 1e-8), momentum_decay=o.get("momentumDecay", 4e-3),
                                 weight_decay=o.get("weightDecay", 0))
    if typ == "lbfgs":
        ls = {"none": None, "strongWolfe": "strong_wolfe"}[o.get("lineSearch", "none")]
        return torch.optim.LBFGS([p], lr=o["lr"], max_iter=1, history_size=o.get("historySize", 10),
                                 line_search_fn=ls, tolerance_grad=o.get("tolGrad", 1e-7),
                                 tolerance_change=o.get("tolChange", 1e-9))
    if typ == "newton":
        return None
    raise ValueError(typ)


def run(case):
    name, obj_name, start, typ, o, steps = case
    obj = OBJECTIVES[obj_name]
    p = torch.nn.Parameter(torch.tensor(start))
    opt = make_optimizer(typ, o, p)
    rows = [(name, 0, None, list(start))]
    for t in range(steps):
        lr = lr_at(o["lr"], t)
        if typ == "newton":
            _, g = obj.value_grad(p.tolist())
            H = torch.tensor(obj.hessian(p.tolist()))
            with torch.no_grad():
                if o.get("saddleFree", False):
                    w, V = torch.linalg.eigh(H)
                    H = V @ torch.diag(w.abs()) @ V.T
                H = H + o.get("damping", 0.0) * torch.eye(len(start))
                p.sub_(lr * torch.linalg.solve(H, torch.tensor(g)))
        elif typ == "lbfgs":
            opt.param_groups[0]["lr"] = lr

            def closure():
                f, g = obj.value_grad(p.tolist())
                p.grad = torch.tensor(g)
                return torch.tensor(f)
            opt.step(closure)
        else:
            opt.param_groups[0]["lr"] = lr
            _, g = obj.value_grad(p.tolist())
            p.grad = torch.tensor(g)
            opt.step()
        x = p.tolist()
        rows.append((name, t + 1, lr, x))
        assert all(math.isfinite(v) for v in x), (name, t, x)
    return rows


def params_str(o):
    def fmt(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        return repr(v) if isinstance(v, float) else str(v)
    return ";".join("%s=%s" % (k, fmt(v)) for k, v in o.items())


def l1_vector(n):
    """Mirrored in OptimizerFixtures.l1Vector: exact in both languages (one division, one product)."""
    scale = [0.01, 0.1, 1.0, 10.0, 100.0]
    return [(-1 if i % 3 == 0 else 1) * (((i * 7919) % 1000 + 1) / 997.0) * scale[i % 5] for i in range(n)]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/org/losslab/engine/optim"
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "cases.csv"), "w") as fh:
        fh.write("case,objective,type,params,start\n")
        for c in CASES:
            fh.write("%s,%s,%s,%s,%s\n" % (c[0], c[1], c[3], params_str(c[4]), ";".join(repr(float(v)) for v in c[2])))
    with open(os.path.join(out, "trajectories.csv"), "w") as fh:
        fh.write("case,step,lr,x0,x1,x2,x3,x4\n")
        for c in CASES:
            for name, step, lr, x in run(c):
                cols = [repr(v) for v in x] + [""] * (5 - len(x))
                fh.write("%s,%d,%s,%s\n" % (name, step, "" if lr is None else repr(lr), ",".join(cols)))
    with open(os.path.join(out, "l1sums.csv"), "w") as fh:
        fh.write("n,sum\n")
        for n in (1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 63, 64, 65, 255, 256, 300, 1100, 4200, 20000):
            fh.write("%d,%r\n" % (n, torch.tensor(l1_vector(n)).abs().sum().item()))
    with open(os.path.join(out, "solves.csv"), "w") as fh:
        fh.write("n,a,b,x\n")
        rnd = random.Random(5)
        for n in (1, 2, 2, 2, 3, 4, 5, 5, 6, 7, 8, 13, 20):
            for _ in range(4):
                A = [[rnd.uniform(-3, 3) * 10 ** rnd.randint(-2, 2) for _ in range(n)] for _ in range(n)]
                b = [rnd.uniform(-3, 3) for _ in range(n)]
                x = torch.linalg.solve(torch.tensor(A), torch.tensor(b)).tolist()
                row = lambda v: ";".join(repr(z) for z in v)
                fh.write("%d,%s,%s,%s\n" % (n, row([z for r in A for z in r]), row(b), row(x)))
    with open(os.path.join(out, "absh2.csv"), "w") as fh:
        fh.write("h11,h21,h22,a11,a12,a21,a22\n")
        rnd = random.Random(11)
        special = [(0.0, 0.0, 0.0), (1.0, 0.0, -2.0), (2.0, 1e-20, 3.0), (1.0, 1e-170, 1.0), (1.5, 0.5, 1.5),
                   (-1.5, 0.5, -1.5), (0.0, 1.0, 0.0), (1.0, 2.0, -1.0), (-4.0, 1e-9, 4.0), (3.0, -2.0, 3.0),
                   (1e-8, 1.0, -1e-8), (1e6, 1e-3, -1e-6), (2.0, 3.0, 2.0), (5.0, 1e-154, 1e-300)]
        mats = special + [(rnd.uniform(-5, 5) * 10 ** rnd.randint(-3, 3), rnd.uniform(-5, 5) * 10 ** rnd.randint(-6, 3),
                           rnd.uniform(-5, 5) * 10 ** rnd.randint(-3, 3)) for _ in range(300)]
        for a, b, c in mats:
            H = torch.tensor([[a, b], [b, c]])
            w, V = torch.linalg.eigh(H)
            A = (V @ torch.diag(w.abs()) @ V.T).flatten().tolist()
            fh.write(",".join(repr(float(z)) for z in (a, b, c, *A)) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
