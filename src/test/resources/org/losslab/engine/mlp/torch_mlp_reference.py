# Makes the PyTorch reference cases of MlpTorchReferenceTest: for each case, data, initial weights and
# the training loss / gradient norm after every full-batch update, and the final weights, all float64.
# Run with Debian's PyTorch: /usr/bin/python3 torch_mlp_reference.py  (writes mlp-*.json here).
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))

FEATURES = {
    "x1": lambda a, b: a, "x2": lambda a, b: b, "x1Squared": lambda a, b: a * a, "x2Squared": lambda a, b: b * b,
    "x1x2": lambda a, b: a * b, "sinX1": lambda a, b: torch.sin(a), "sinX2": lambda a, b: torch.sin(b),
}
ACTS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "leakyRelu": torch.nn.LeakyReLU, "sigmoid": torch.nn.Sigmoid,
        "gelu": torch.nn.GELU, "identity": torch.nn.Identity}


def optimizer(spec, params):
    kw = {k: v for k, v in spec.items() if k != "type"}
    ren = {"weightDecay": "weight_decay", "lineSearch": "line_search_fn", "historySize": "history_size",
           "tolGrad": "tolerance_grad", "tolChange": "tolerance_change"}
    kw = {ren.get(k, k): v for k, v in kw.items()}
    if kw.get("line_search_fn") == "strongWolfe":
        kw["line_search_fn"] = "strong_wolfe"
    if "betas" in kw:
        kw["betas"] = tuple(kw["betas"])
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW, "rmsprop": torch.optim.RMSprop,
           "adagrad": torch.optim.Adagrad, "nadam": torch.optim.NAdam, "lbfgs": torch.optim.LBFGS}[spec["type"]]
    if spec["type"] == "lbfgs":
        kw["max_iter"] = 1
        kw.setdefault("history_size", 10)  # the spec's default; torch's is 100
    return cls(params, **kw)


def data(seed, n, classes, features):
    """Points (x1, x2) uniform in [-1, 1]², labels or targets, and the feature matrix; the generator goes on."""
    g = torch.Generator().manual_seed(seed)
    x1 = torch.rand(n, generator=g) * 2 - 1
    x2 = torch.rand(n, generator=g) * 2 - 1
    if classes == 0:
        y = torch.sin(3 * x1) + 0.5 * x2
    else:
        y = torch.randint(0, classes, (n,), generator=g).double()
    X = torch.stack([FEATURES[f](x1, x2) for f in features], 1)
    return g, x1, x2, y, X


def case(name, seed, n, classes, features, hidden, act, output, opt, steps, sam_rho=0.0, clip=None):
    _, x1, x2, y, X = data(seed, n, classes, features)
    units = classes if (output == "softmax" or (output == "linear" and classes > 2)) else 1
    widths = [len(features)] + hidden + [units]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(ACTS[act]())
    torch.manual_seed(seed)
    model = torch.nn.Sequential(*layers)
    params = list(model.parameters())
    initial = torch.cat([p.detach().reshape(-1) for p in params]).tolist()

    def loss_fn():
        z = model(X)
        if output == "sigmoid":
            return torch.nn.functional.binary_cross_entropy_with_logits(z[:, 0], y)
        if output == "softmax":
            return torch.nn.functional.cross_entropy(z, y.long())
        if units == 1:
            return torch.nn.functional.mse_loss(z[:, 0], y)
        return torch.nn.functional.mse_loss(z, torch.nn.functional.one_hot(y.long(), classes).double())

    def grad_norm():
        return math.sqrt(sum(float((p.grad ** 2).sum()) for p in params))

    o = optimizer(opt, params)
    losses, norms = [], []

    def closure():
        o.zero_grad()
        l = loss_fn()
        l.backward()
        return l

    for t in range(steps + 1):
        l = closure()
        losses.append(float(l))
        norms.append(grad_norm())
        if t == steps:
            break
        if sam_rho > 0:
            gn = grad_norm()
            s = sam_rho / gn if gn > 0 else 0.0
            e = [s * p.grad.clone() for p in params]
            with torch.no_grad():
                for p, ei in zip(params, e):
                    p.add_(ei)
            closure()
            with torch.no_grad():
                for p, ei in zip(params, e):
                    p.sub_(ei)
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(params, clip)
        if opt["type"] == "lbfgs":
            o.step(closure)
        else:
            o.step()
    final = torch.cat([p.detach().reshape(-1) for p in params]).tolist()
    out = dict(classes=classes, features=features, hidden=hidden, activation=act, output=output, optimizer=opt,
               samRho=sam_rho, clipNorm=clip, steps=steps, x1=x1.tolist(), x2=x2.tolist(), y=y.tolist(),
               initial=initial, loss=losses, gradNorm=norms, final=final)
    with open(os.path.join(HERE, "mlp-" + name + ".json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    case("tanh-bce-adam", 1, 300, 2, ["x1", "x2"], [8, 8], "tanh", "sigmoid", {"type": "adam", "lr": 0.01}, 60)
    case("relu-softmax-sgd-clip", 2, 200, 3, ["x1", "x2", "x1x2"], [6], "relu", "softmax",
         {"type": "sgd", "lr": 0.2, "momentum": 0.9, "nesterov": True, "weightDecay": 0.001}, 60, clip=0.5)
    case("gelu-mse-adamw-sam", 3, 150, 0, ["x1", "x2", "sinX1"], [6, 5], "gelu", "linear",
         {"type": "adamw", "lr": 0.02, "weightDecay": 0.05}, 40, sam_rho=0.05)
    case("sigmoid-onehot-rmsprop", 4, 120, 4, ["x1", "x2", "x1Squared", "x2Squared"], [7], "sigmoid", "linear",
         {"type": "rmsprop", "lr": 0.01, "centered": True, "momentum": 0.5}, 40)
    case("leaky-bce-lbfgs", 5, 100, 2, ["x1", "x2", "sinX2"], [5], "leakyRelu", "sigmoid",
         {"type": "lbfgs", "lr": 0.5}, 25)
    case("tanh-bce-lbfgs-wolfe", 7, 100, 2, ["x1", "x2"], [4], "tanh", "sigmoid",
         {"type": "lbfgs", "lr": 1, "lineSearch": "strongWolfe"}, 25)
    case("identity-mse-nadam", 6, 80, 0, ["x1", "x2"], [4, 4], "identity", "linear",
         {"type": "nadam", "lr": 0.01}, 40)
