"""OpenSpiel's alpha-Rank on small meta-games, for the cross-check in EmpiricalGamesTests.

Run: python3 alpharank_reference.py   (needs `pip install open_spiel`)
Prints each case's stationary distribution (OpenSpiel's profile order) or the error it raises.
"""
import numpy as np
from open_spiel.python.egt import alpharank

RPS = np.array([[0., -1., 1.], [1., 0., -1.], [-1., 1., 0.]])
BIASED_RPS = np.array([[0., -0.5, 1.], [0.5, 0., -0.1], [-1., 0.1, 0.]])
BOS_A = np.array([[3., 0.], [0., 2.]])
BOS_B = np.array([[2., 0.], [0., 3.]])
PD_A = np.array([[3., 0.], [5., 1.]])
RAND_A = np.array([[0.3, 0.9, 0.1], [0.5, 0.2, 0.8], [0.7, 0.4, 0.6], [0.0, 1.0, 0.25]])
RAND_B = np.array([[0.6, 0.2, 0.9], [0.1, 0.7, 0.3], [0.8, 0.5, 0.4], [0.35, 0.05, 0.95]])

cases = [
    ("rps single local m=50 a=1", [RPS], dict(m=50, alpha=1.0)),
    ("rps single population m=50 a=1", [RPS], dict(m=50, alpha=1.0, use_local_selection_model=False)),
    ("biased rps single population m=20 a=2", [BIASED_RPS], dict(m=20, alpha=2.0, use_local_selection_model=False)),
    ("biased rps single local m=20 a=2", [BIASED_RPS], dict(m=20, alpha=2.0)),
    ("pd two-pop m=10 a=0.5", [PD_A, PD_A.T], dict(m=10, alpha=0.5)),
    ("bos two-pop m=50 a=0.1", [BOS_A, BOS_B], dict(m=50, alpha=0.1)),
    ("bos two-pop m=50 a=1", [BOS_A, BOS_B], dict(m=50, alpha=1.0)),
    ("random 4x3 two-pop m=30 a=2", [RAND_A, RAND_B], dict(m=30, alpha=2.0)),
    ("bos two-pop inf eps=0.01", [BOS_A, BOS_B], dict(m=50, alpha=1.0, use_inf_alpha=True, inf_alpha_eps=0.01)),
]
for name, tables, kw in cases:
    try:
        _, _, pi, _, _ = alpharank.compute(tables, **kw)
        print(name, "->", np.array2string(np.asarray(pi), precision=17, separator=", ", max_line_width=400))
    except Exception as e:  # report what OpenSpiel raises
        print(name, "-> ERROR:", e)
