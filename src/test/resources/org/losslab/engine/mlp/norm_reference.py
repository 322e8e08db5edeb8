# Makes the PyTorch reference cases of NormalizationTorchReferenceTest: MLPs with batch or layer
# normalization between the hidden layers (Linear -> BatchNorm1d/LayerNorm -> activation), float64.
# For each case: the training-mode loss and gradient at the initial weights, the running statistics
# after that pass, the evaluation-mode loss and gradient with them, then a full-batch training run
# (train mode for each update, eval mode for the metrics) with the eval-mode loss and gradient norm
# after every update, the final weights and the final running statistics.
# Run with Debian's PyTorch: /usr/bin/python3 norm_reference.py  (writes norm-*.json here).
import json
import math
import os

import torch

from torch_mlp_reference import ACTS, data, optimizer

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


class Net(torch.nn.Module):
    """Linear layers first, then the normalization layers: parameters() is W1, b1, ..., WL, bL, g1, b1', ..."""

    def __init__(self, widths, act, norm):
        super().__init__()
        self.linears = torch.nn.ModuleList(torch.nn.Linear(widths[i], widths[i + 1]) for i in range(len(widths) - 1))
        make = torch.nn.BatchNorm1d if norm == "batch" else torch.nn.LayerNorm
        self.norms = torch.nn.ModuleList(make(h) for h in widths[1:-1])
        self.act = ACTS[act]()

    def forward(self, x):
        for i, lin in enumerate(self.linears):
            x = lin(x)
            if i < len(self.norms):
                x = self.act(self.norms[i](x))
        return x


def running(model):
    out = []
    for n in model.norms:
        if isinstance(n, torch.nn.BatchNorm1d):
            out += n.running_mean.tolist() + n.running_var.tolist()
    return out


def case(name, seed, n, classes, features, hidden, act, output, norm, opt, steps):
    _, x1, x2, y, X = data(seed, n, classes, features)
    units = classes if (output == "softmax" or (output == "linear" and classes > 2)) else 1
    torch.manual_seed(seed)
    model = Net([len(features)] + hidden + [units], act, norm)
    with torch.no_grad():
        for nm in model.norms:  # move γ and β off 1 and 0 so their gradients are not special
            nm.weight.copy_(1 + 0.3 * torch.randn(nm.weight.shape))
            nm.bias.copy_(0.2 * torch.randn(nm.bias.shape))
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

    def loss_and_grad():
        for p in params:
            p.grad = None
        l = loss_fn()
        l.backward()
        return float(l), torch.cat([p.grad.reshape(-1) for p in params]).tolist()

    model.train()
    train_loss, train_grad = loss_and_grad()
    after_one = running(model)
    model.eval()
    eval_loss, eval_grad = loss_and_grad()
    eval_out = model(X)[:, 0].tolist()

    # The training run, from the initial weights and fresh running statistics.
    torch.manual_seed(seed)
    model = Net([len(features)] + hidden + [units], act, norm)
    with torch.no_grad():
        for p, v in zip(model.parameters(), torch.tensor(initial).split([p.numel() for p in model.parameters()])):
            p.copy_(v.reshape(p.shape))
    params = list(model.parameters())
    o = optimizer(opt, params)
    losses, norms = [], []
    for t in range(steps + 1):
        model.eval()
        l, g = loss_and_grad()
        losses.append(l)
        norms.append(math.sqrt(sum(v * v for v in g)))
        if t == steps:
            break
        model.train()
        o.zero_grad()
        loss_fn().backward()
        o.step()
    final = torch.cat([p.detach().reshape(-1) for p in params]).tolist()
    out = dict(classes=classes, features=features, hidden=hidden, activation=act, output=output, normalization=norm,
               optimizer=opt, steps=steps, x1=x1.tolist(), x2=x2.tolist(), y=y.tolist(), initial=initial,
               trainLoss=train_loss, trainGrad=train_grad, runningAfterOne=after_one, evalLoss=eval_loss,
               evalGrad=eval_grad, evalOutput=eval_out, loss=losses, gradNorm=norms, final=final,
               finalRunning=running(model))
    with open(os.path.join(HERE, "norm-" + name + ".json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    case("batch-tanh-bce-sgd", 11, 120, 2, ["x1", "x2"], [6, 5], "tanh", "sigmoid", "batch",
         {"type": "sgd", "lr": 0.3, "momentum": 0.9}, 30)
    case("batch-relu-softmax-adam", 12, 90, 3, ["x1", "x2", "x1x2"], [7], "relu", "softmax", "batch",
         {"type": "adam", "lr": 0.02}, 30)
    case("batch-gelu-mse-adamw", 13, 80, 0, ["x1", "x2"], [5, 4, 3], "gelu", "linear", "batch",
         {"type": "adamw", "lr": 0.01, "weightDecay": 0.05}, 25)
    case("layer-tanh-bce-adam", 14, 100, 2, ["x1", "x2", "sinX1"], [6, 6], "tanh", "sigmoid", "layer",
         {"type": "adam", "lr": 0.02}, 30)
    case("layer-sigmoid-onehot-rmsprop", 15, 70, 4, ["x1", "x2"], [5], "sigmoid", "linear", "layer",
         {"type": "rmsprop", "lr": 0.01}, 25)
