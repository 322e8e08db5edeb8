# Makes the PyTorch reference cases of HessianVectorTorchReferenceTest: for each case, data, weights θ
# (in nn.Sequential(Linear, …).parameters() order), a direction v, and the loss, its gradient and the
# Hessian-vector product H·v of the mean loss by autograd's double backward, all float64.
# Run with Debian's PyTorch: /usr/bin/python3 hvp_reference.py  (writes hvp-*.json here).
import json
import os

import torch
import torch.nn.functional as F

from torch_mlp_reference import HERE, data

ACTS = {"tanh": torch.tanh, "relu": torch.relu, "leakyRelu": F.leaky_relu, "sigmoid": torch.sigmoid,
        "gelu": F.gelu, "identity": lambda z: z}


def case(name, seed, n, classes, features, hidden, act, output):
    g, x1, x2, y, X = data(seed, n, classes, features)
    units = classes if (output == "softmax" or (output == "linear" and classes > 2)) else 1
    widths = [len(features)] + hidden + [units]
    shapes = []
    for i in range(len(widths) - 1):
        shapes.append((widths[i + 1], widths[i]))
        shapes.append((widths[i + 1],))
    size = sum(torch.Size(s).numel() for s in shapes)
    # Weights of the scale of an initialization, biases nonzero: away from symmetric points.
    theta = torch.randn(size, generator=g) * 0.6
    v = torch.randn(size, generator=g)

    def loss_of(flat):
        tensors, pos = [], 0
        for s in shapes:
            k = torch.Size(s).numel()
            tensors.append(flat[pos:pos + k].reshape(s))
            pos += k
        h = X
        layers = len(widths) - 1
        for i in range(layers):
            h = F.linear(h, tensors[2 * i], tensors[2 * i + 1])
            if i < layers - 1:
                h = ACTS[act](h)
        if output == "sigmoid":
            return F.binary_cross_entropy_with_logits(h[:, 0], y)
        if output == "softmax":
            return F.cross_entropy(h, y.long())
        if units == 1:
            return F.mse_loss(h[:, 0], y)
        return F.mse_loss(h, F.one_hot(y.long(), classes).double())

    flat = theta.clone().requires_grad_(True)
    loss = loss_of(flat)
    (grad,) = torch.autograd.grad(loss, flat, create_graph=True)
    (hv,) = torch.autograd.grad(grad @ v, flat)
    out = dict(classes=classes, features=features, hidden=hidden, activation=act, output=output,
               x1=x1.tolist(), x2=x2.tolist(), y=y.tolist(), theta=theta.tolist(), v=v.tolist(),
               loss=float(loss), grad=grad.detach().tolist(), hv=hv.tolist())
    with open(os.path.join(HERE, "hvp-" + name + ".json"), "w") as f:
        json.dump(out, f)


case("tanh-bce", 1, 300, 2, ["x1", "x2"], [8, 6], "tanh", "sigmoid")
case("sigmoid-softmax", 2, 120, 3, ["x1", "x2", "x1x2"], [5], "sigmoid", "softmax")
case("gelu-mse", 3, 90, 0, ["x1", "x2", "sinX1"], [6, 5], "gelu", "linear")
case("relu-onehot", 4, 80, 4, ["x1", "x2", "x1Squared"], [7], "relu", "linear")
case("identity-deep-linear", 5, 60, 0, ["x1", "x2"], [4, 4, 3], "identity", "linear")
case("leaky-bce", 6, 70, 2, ["x1", "x2", "sinX2"], [5, 5], "leakyRelu", "sigmoid")
