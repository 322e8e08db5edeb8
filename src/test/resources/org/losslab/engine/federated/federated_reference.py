"""FedAvg, FedProx and SCAFFOLD in float64 from the papers' equations, for FederatedTrainingTest:
McMahan et al. 2017 (Algorithm 1, server x <- sum_i p_i y_i), Li et al. 2020 (local objective
f_i + mu/2 |theta - x|^2), Karimireddy et al. 2020 (Algorithm 1, control variates, option II), each
with K plain SGD steps per client and full participation, server step x <- x + eta_g sum_i p_i (y_i - x).
Clients: rotated quadratics f(u, v) = (u^2 + kappa v^2)/2 shifted by d_i and scaled by s_i.
Writes federated-reference.csv: every server point and every client point of every round.

    cd src/test/resources/org/losslab/engine/federated && python3 federated_reference.py
"""
import csv
import math
import numpy as np

CLIENTS = [  # kappa, angle (degrees), shift, scale, weight
    (10.0, 0.0, (1.0, 1.0), 1.0, 1.0),
    (10.0, 60.0, (-1.0, 0.5), 2.0, 2.0),
    (4.0, 120.0, (0.5, -1.5), 0.5, 1.0),
]
START, ROUNDS, LR = (2.0, -2.0), 25, 0.04
RUNS = [("fedavg", 0.0, 1.0, 5), ("fedprox", 0.5, 1.0, 5), ("scaffold", 0.0, 0.8, 5)]


def grad(i, th):
    kappa, angle, d, s, _ = CLIENTS[i]
    a = math.radians(angle)
    c, sn = math.cos(a), math.sin(a)
    x, y = th[0] - d[0], th[1] - d[1]
    u, v = x * c + y * sn, -x * sn + y * c
    return s * np.array([u * c - kappa * v * sn, u * sn + kappa * v * c])


def run(algorithm, mu, eta_g, K):
    w = np.array([cl[4] for cl in CLIENTS])
    p = w / w.sum()
    x = np.array(START)
    c, ci = np.zeros(2), [np.zeros(2) for _ in CLIENTS]
    rows = [("server", 0, 0, x.copy())]
    for r in range(1, ROUNDS + 1):
        ys, new_ci = [], []
        for i in range(len(CLIENTS)):
            yi = x.copy()
            for k in range(K):
                rows.append((i, r, k, yi.copy()))
                g = grad(i, yi)
                if algorithm == "fedprox":
                    g = g + mu * (yi - x)
                if algorithm == "scaffold":
                    g = g - ci[i] + c
                yi = yi - LR * g
            rows.append((i, r, K, yi.copy()))
            ys.append(yi)
            new_ci.append(ci[i] - c + (x - yi) / (K * LR))
        if algorithm == "scaffold":
            c = c + sum(p[i] * (new_ci[i] - ci[i]) for i in range(len(CLIENTS)))
            ci = new_ci
        x = x + eta_g * sum(p[i] * (ys[i] - x) for i in range(len(CLIENTS)))
        rows.append(("server", r, K, x.copy()))
    return rows


with open("federated-reference.csv", "w", newline="") as fh:
    out = csv.writer(fh, lineterminator="\n")
    out.writerow(["algorithm", "who", "round", "step", "x", "y"])
    for algorithm, mu, eta_g, K in RUNS:
        for who, r, k, th in run(algorithm, mu, eta_g, K):
            out.writerow([algorithm, who, r, k, repr(float(th[0])), repr(float(th[1]))])
