#!/usr/bin/python3
"""PyTorch references for low-precision runs (run keys precision, masterWeights, lossScale).

usage: precision_reference.py OUTDIR  ->  OUTDIR/<case>.json (scenario) and OUTDIR/<case>.csv (expected)

The model's parameter is a torch tensor of the run's dtype; each update takes the loss and gradient
in float64 at that point (autograd on a float64 copy) and hands the gradient to the optimizer as a
tensor of the dtype (grad64.to(dtype)), then torch.optim steps the dtype tensors itself. With master
weights the optimizer steps a float64 copy w instead: w.grad = (S * grad64).to(dtype).double() / S,
and the model is w.to(dtype) after each step. Rows print x, y exactly (repr of the double that holds
the dtype's value), loss and grad_norm in float64 at the model's point. Needs Debian's python3-torch
(1.13); CPU torch has no float16 addcmul/sqrt/addcdiv, so float16 Adam has no reference here.
"""
import json, math, os, sys
import torch

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


def surface_fn(s):
    t = s["type"]
    if t == "quadratic":
        k, a = s.get("kappa", 10.0), math.radians(s.get("angle", 0.0))
        def f(p):
            u = p[0] * math.cos(a) + p[1] * math.sin(a)
            v = -p[0] * math.sin(a) + p[1] * math.cos(a)
            return 0.5 * (u * u + k * v * v)
        return f
    if t == "rosenbrock":
        a, b = s.get("a", 1.0), s.get("b", 100.0)
        return lambda p: (a - p[0]) ** 2 + b * (p[1] - p[0] ** 2) ** 2
    if t == "expression":
        src = s["f"].replace("^", "**")
        return lambda p: eval(src, {"__builtins__": {}}, {"x": p[0], "y": p[1], "exp": torch.exp})
    raise ValueError(t)


def make_optimizer(o, p):
    t = o["type"]
    if t == "sgd":
        return torch.optim.SGD([p], lr=o.get("lr", 0.01), momentum=o.get("momentum", 0), dampening=o.get("dampening", 0),
                               nesterov=o.get("nesterov", False), weight_decay=o.get("weightDecay", 0))
    cls = torch.optim.Adam if t == "adam" else torch.optim.AdamW
    return cls([p], lr=o.get("lr", 1e-3), betas=tuple(o.get("betas", [0.9, 0.999])), eps=o.get("eps", 1e-8),
               weight_decay=o.get("weightDecay", 0 if t == "adam" else 1e-2), amsgrad=o.get("amsgrad", False))


def run_one(sc, ri, run):
    f = surface_fn(sc["surface"])
    dtype = DTYPES[run.get("precision", "float32")]
    master = run.get("masterWeights", False)
    scale = run.get("lossScale", 1.0)
    o = run["optimizer"]
    model = torch.tensor(run.get("start", sc["start"]), dtype=torch.float64).to(dtype)
    if master:
        w = torch.nn.Parameter(model.double())
    else:
        w = torch.nn.Parameter(model.clone())
    opt = make_optimizer(o, w)
    lr = o.get("lr", 0.01 if o["type"] == "sgd" else 1e-3)
    rows = []
    label = run.get("label", o["type"])

    def at(point):
        q = point.detach().double().requires_grad_(True)
        v = f(q)
        (g,) = torch.autograd.grad(v, q)
        return v.detach(), g

    def emit(step, point, rate):
        v, g = at(point)
        x, y = point.double().tolist()
        rows.append((ri, label, step, x, y, v.item(), g.norm().item(), rate))
        return all(math.isfinite(z) for z in (x, y, v.item(), g.norm().item()))

    emit(0, model, None)
    for t in range(sc["steps"]):
        _, g = at(model)
        if master:
            w.grad = (scale * g).to(dtype).double() / scale
        else:
            w.grad = g.to(dtype)
        opt.step()
        model = w.detach().to(dtype) if master else w.detach()
        if not emit(t + 1, model, lr):
            break
    return rows


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, str):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    return repr(float(v)) if isinstance(v, float) else str(v)


def scenario(title, surface, start, steps, runs, view=None):
    sc = {"format": "losslab-scenario/1", "title": title, "surface": surface, "start": start, "steps": steps, "runs": runs}
    if view:
        sc["view"] = view
    return sc


def sgd_runs(precision, k=1.0):
    return [
        {"label": "SGD", "precision": precision, "optimizer": {"type": "sgd", "lr": 0.01 * k}},
        {"label": "momentum", "precision": precision, "optimizer": {"type": "sgd", "lr": 0.005 * k, "momentum": 0.9}},
        {"label": "nesterov+wd", "precision": precision,
         "optimizer": {"type": "sgd", "lr": 0.003 * k, "momentum": 0.8, "nesterov": True, "weightDecay": 0.01}},
        {"label": "dampened+wd", "precision": precision,
         "optimizer": {"type": "sgd", "lr": 0.004 * k, "momentum": 0.7, "dampening": 0.3, "weightDecay": 0.05}},
    ]


def adam_runs(precision):
    return [
        {"label": "Adam", "precision": precision, "optimizer": {"type": "adam", "lr": 0.02}},
        {"label": "Adam+wd amsgrad", "precision": precision,
         "optimizer": {"type": "adam", "lr": 0.01, "weightDecay": 0.01, "amsgrad": True, "betas": [0.8, 0.99]}},
        {"label": "AdamW", "precision": precision, "optimizer": {"type": "adamw", "lr": 0.02, "weightDecay": 0.1}},
        {"label": "AdamW eps", "precision": precision,
         "optimizer": {"type": "adamw", "lr": 0.005, "eps": 1e-3, "betas": [0.5, 0.9]}},
    ]


CASES = {}
for p in ("float32", "bfloat16", "float16"):
    CASES["rosenbrock-sgd-" + p] = scenario("SGD in " + p + " on Rosenbrock", {"type": "rosenbrock"},
                                            [-1.2, 1.1], 300, sgd_runs(p, 0.1))
    CASES["quadratic-sgd-" + p] = scenario("SGD in " + p + " on a quadratic", {"type": "quadratic", "kappa": 20, "angle": 30},
                                           [2.5, -1.5], 300, sgd_runs(p))
for p in ("float32", "bfloat16"):
    CASES["rosenbrock-adam-" + p] = scenario("Adam and AdamW in " + p + " on Rosenbrock", {"type": "rosenbrock"},
                                             [-1.2, 1.1], 300, adam_runs(p))
    CASES["quadratic-adam-" + p] = scenario("Adam and AdamW in " + p + " on a quadratic",
                                            {"type": "quadratic", "kappa": 20, "angle": 30}, [2.5, -1.5], 300, adam_runs(p))
CASES["quadratic-master-weights"] = scenario(
    "Master weights and loss scaling", {"type": "quadratic", "kappa": 4, "angle": 10}, [3.0, 2.0], 300, [
        {"label": "float16 SGD, master", "precision": "float16", "masterWeights": True,
         "optimizer": {"type": "sgd", "lr": 0.001, "momentum": 0.9}},
        {"label": "float16 SGD, master, S=1024", "precision": "float16", "masterWeights": True, "lossScale": 1024,
         "optimizer": {"type": "sgd", "lr": 0.001, "nesterov": True, "momentum": 0.5}},
        {"label": "bfloat16 Adam, master", "precision": "bfloat16", "masterWeights": True,
         "optimizer": {"type": "adam", "lr": 0.01}},
        {"label": "float16 AdamW, master, S=64", "precision": "float16", "masterWeights": True, "lossScale": 64,
         "optimizer": {"type": "adamw", "lr": 0.01, "weightDecay": 0.1}},
        {"label": "float32 SGD, master", "precision": "float32", "masterWeights": True,
         "optimizer": {"type": "sgd", "lr": 0.01, "weightDecay": 0.01}},
    ])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, sc in CASES.items():
        lines = ["run,label,step,x,y,loss,grad_norm,lr"]
        for ri, run in enumerate(sc["runs"]):
            for r in run_one(sc, ri, run):
                lines.append(",".join(fmt(v) for v in r))
        with open(os.path.join(out, name + ".json"), "w") as fh:
            json.dump(sc, fh, indent=2)
            fh.write("\n")
        with open(os.path.join(out, name + ".csv"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
        print(name, len(lines) - 1, "rows")


if __name__ == "__main__":
    main()
