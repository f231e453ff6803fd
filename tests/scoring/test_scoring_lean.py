"""Memory-lean encodings (1e8 assertions on one machine): int32 codes, same results."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from data_scale import crowd

from scoring import get_estimator
from scoring.utils import _factorize, encode, validate_frame


def test_small_integer_ids_get_int32_codes() -> None:
    codes, uniques = _factorize(np.array([7, 5, 7, 9], dtype=np.int32))
    assert codes.dtype == np.int32
    assert codes.tolist() == [1, 0, 1, 2]
    assert uniques.tolist() == [5, 7, 9]


def test_large_unsigned_ids_are_not_wrapped() -> None:
    ids = np.array([4_000_000_000, 4_000_000_002, 4_000_000_000], dtype=np.uint32)
    codes, uniques = _factorize(ids)
    assert codes.tolist() == [0, 1, 0]
    assert uniques.tolist() == [4_000_000_000, 4_000_000_002]


def test_encoding_of_integer_columns_is_int32() -> None:
    frame, _ = crowd(3000, 300, 20, seed=8, text=False)
    frame = frame.astype({"source": np.int32, "object": np.int32})
    enc = encode(validate_frame(frame))
    assert enc.s.dtype == np.int32
    assert enc.o.dtype == np.int32
    assert enc.c.dtype == np.int32


@pytest.mark.parametrize("method", ["majority", "one_coin", "dawid_skene", "crh"])
def test_int32_codes_score_as_text_names(method: str) -> None:
    numbers, _ = crowd(4000, 400, 30, seed=9, text=False)
    numbers = numbers.astype({"source": np.int32, "object": np.int32})
    text = pd.DataFrame(
        {
            "source": "s" + numbers["source"].astype(str),
            "object": "o" + numbers["object"].astype(str),
            "value": numbers["value"],
        }
    )
    a = get_estimator(method).fit(numbers)
    b = get_estimator(method).fit(text)
    truths_b = b.truths_["value"].to_numpy()
    order = pd.Index("o" + a.truths_.index.astype(str))
    assert (a.truths_["value"].to_numpy() == truths_b[b.truths_.index.get_indexer(order)]).all()
    rel_a = a.source_reliability_["reliability"]
    rel_b = b.source_reliability_["reliability"].reindex("s" + rel_a.index.astype(str))
    np.testing.assert_allclose(rel_a.to_numpy(), rel_b.to_numpy(), atol=1e-9)
