"""Expected answers for the toy frames, checked by hand (see conftest.py for the frames)."""

from __future__ import annotations

# plain_frame: every method finds the 3-to-1 winners.
PLAIN_TRUTHS = {"capital_fr": "Paris", "capital_de": "Berlin", "capital_it": "Rome"}

# contested_frame, object X: A, B (always right elsewhere) say 1; C, D, E (right on
# 3 of 10 elsewhere) say 0. Majority counts heads; the accuracy models do not.
CONTESTED_X = {
    "majority": 0,
    "sums": 1,  # A and B, who are on the winning side of all ten, hold the most trust
    "average_log": 1,
    "investment": 1,
    "pooled_investment": 1,
    "truthfinder": 1,
    "dawid_skene": 1,
    "one_coin": 1,
    "glad": 1,
    "mace": 1,
    "crh": 1,
}

# Majority vote with a flat Beta(1, 1) prior on plain_frame:
# a, b agree 3/3 -> (1 + 3) / (2 + 3) = 0.8; c agrees 1/3 -> 2/5 = 0.4; d 2/3 -> 3/5 = 0.6.
PLAIN_MAJORITY_RELIABILITY = {"a": 0.8, "b": 0.8, "c": 0.4, "d": 0.6}

# Numeric object "toll": 26, 26, 27 and an outlier 260 (equal weights).
# Weighted (lower) median = 26; the mean would be 84.75. Three of four
# assertions lie within 5 % of 26 -> confidence 0.75.
TOLL_TRUTH = 26.0
TOLL_CONFIDENCE = 0.75

# contested_frame with a flat Beta(1, 1) prior and a hard-agreement method
# (sums): A agrees with the truths on 11 of 11 -> 12 / 13; C on 3 of 11 -> 4 / 13.
CONTESTED_RELIABILITY = {"A": 12 / 13, "C": 4 / 13}
