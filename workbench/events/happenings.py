"""Which happening each report is about: whole reports clustered by words, places and day.

Why reports and not claims: news covers one main happening per report, follows it over
days and copies itself across outlets. Two reports of one bombing share their words and
places even when no single pair of claims does ("IS kills 16" beside "the death toll rose
to 16, a monitor said"). So the happening is decided once per report, from the whole text,
and claims inherit it (``departures`` lets a claim leave on its own evidence).

How: TF-IDF over title and body (scikit-learn) gives content similarity; places compare
as regions (``gazetteer``); the day gates. Reports of one day are compared all-pairs (a
day holds tens to hundreds of reports); reports a day or two apart only when their text is
close (copies, follow-ups, a toll that rises); undated reports by content alone, through
sparse cosine neighbours. Linked reports are cut into happenings by average linkage, which
unlike single linkage does not chain unrelated stories through one ambiguous report.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from models import Report
from workbench.events.gazetteer import NEAR_KM
from workbench.events.kinds import means_differ
from workbench.events.report_profile import ReportProfile, profile_reports


@dataclass(frozen=True, slots=True)
class HappeningWeights:
    """How report pairs are scored and cut. Tuned on real Syrian coverage (FA-KES dev)."""

    text: float = 0.5
    place: float = 0.5
    unknown_place: float = 0.5  # place score when a report names no resolvable place
    cut: float = 0.30  # mean pair score a happening keeps (average linkage)
    near_days: int = 2  # reports this many days apart may still be one happening ...
    near_text: float = 0.60  # ... when their text is this close (or the leads name one town
    # and one day); among few reports of their region, twice the undated bar is enough
    near_factor: float = 2.0
    # Undated reports link on content alone. How close their text must be grows with how
    # many reports of their region they are compared with (``undated_bars``): among a
    # handful of stories, one story's reports share a few distinct words; among a
    # theatre's hundreds, chance alone brings some pairs that close.
    undated_floor: float = 0.10
    undated_text: float = 0.30  # the bar for the most crowded regions
    undated_base: float = 0.035
    undated_slope: float = 0.05  # per natural log of the region's reports
    # headlines that name different means of attack ("air raid", "car bomb"): a pair's
    # score is multiplied by this (copies of one story still link)
    means_differ: float = 0.5
    max_component: int = 4000  # larger linked sets are cut with a stricter link first


DEFAULT_HAPPENING_WEIGHTS = HappeningWeights()
MIN_REPORTS_FOR_MAX_DF = 20


def place_scores(
    profiles: Sequence[ReportProfile],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    unknown: float,
) -> npt.NDArray[np.float64]:
    """Place similarity of many report pairs at once (sparse products, no Python loop).

    The cosine of the two reports' region weightings; ``unknown`` when either names no
    place; at least 0.5 when their first places are near (Douma beside Damascus).
    """
    columns: dict[tuple[str, str], int] = {}
    rows, cols, values = [], [], []
    for row, profile in enumerate(profiles):
        norm = math.sqrt(sum(w * w for w in profile.regions.values())) or 1.0
        for region, weight in profile.regions.items():
            rows.append(row)
            cols.append(columns.setdefault(region, len(columns)))
            values.append(weight / norm)
    matrix = csr_matrix(
        (np.array(values, dtype=np.float64), (rows, cols)),
        shape=(len(profiles), max(1, len(columns))),
    )
    score = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
    known = np.array([bool(p.regions) for p in profiles], dtype=bool)
    score[~(known[left] & known[right])] = unknown
    # Douma beside Damascus: two regions, one theatre, when the first places are near.
    lat = np.array([p.anchors[0].latitude if p.anchors else np.nan for p in profiles])
    lon = np.array([p.anchors[0].longitude if p.anchors else np.nan for p in profiles])
    country = np.array([p.country for p in profiles], dtype=object)
    low = np.flatnonzero(
        (score < 0.5) & known[left] & known[right] & (country[left] == country[right])
    )
    if len(low):
        near = _km(lat[left[low]], lon[left[low]], lat[right[low]], lon[right[low]]) <= NEAR_KM
        score[low[near]] = 0.5
    return score


def _means_differ(
    profiles: Sequence[ReportProfile],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> npt.NDArray[np.bool_]:
    """Pairs whose headlines name means of attack, none in common (``kinds.means_differ``)."""
    codes: dict[frozenset[str], int] = {}
    code = np.array([codes.setdefault(p.means, len(codes)) for p in profiles], dtype=np.int64)
    table = np.zeros((len(codes), len(codes)), dtype=bool)
    for a, i in codes.items():
        for b, j in codes.items():
            table[i, j] = means_differ(a, b)
    return table[code[left], code[right]]


def _km(
    lat1: npt.NDArray[np.float64],
    lon1: npt.NDArray[np.float64],
    lat2: npt.NDArray[np.float64],
    lon2: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Haversine distances; NaN (no place) compares as far."""
    lat1, lon1, lat2, lon2 = (np.radians(x) for x in (lat1, lon1, lat2, lon2))
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    distance = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return np.where(np.isnan(distance), np.inf, distance)


def _tfidf(profiles: Sequence[ReportProfile]) -> csr_matrix:
    # Imported here: scikit-learn takes a second to import and pulls in rich.
    from sklearn.feature_extraction.text import TfidfVectorizer

    # Words in over half the reports say nothing about which happening; in a handful of
    # reports every shared word is in half of them, so the cap waits for a corpus.
    max_df = 0.5 if len(profiles) >= MIN_REPORTS_FOR_MAX_DF else 1.0
    # Word pairs as well as words: "car bomb", "air strike", "Deir ez-Zor" and a toll's
    # "killed 18" are what two reports of one happening share, where single words are what
    # every report of a war shares (on FA-KES without dates, precision 0.25 -> 0.62 at equal
    # recall; with dates, report-pair F1 0.775 -> 0.786).
    vectoriser = TfidfVectorizer(
        sublinear_tf=True,
        stop_words="english",
        max_df=max_df,
        ngram_range=(1, 2),
        dtype=np.float32,
    )
    try:
        matrix = vectoriser.fit_transform([profile.words for profile in profiles])
    except ValueError:  # only stop words everywhere
        return csr_matrix((len(profiles), 1), dtype=np.float32)
    return csr_matrix(matrix)


def spot_codes(profiles: Sequence[ReportProfile]) -> npt.NDArray[np.int64]:
    """One integer per report for the first place its lead names (0: none)."""
    codes: dict[str, int] = {"": 0}
    return np.array([codes.setdefault(p.spot, len(codes)) for p in profiles], dtype=np.int64)


def _pairs_by_day(
    spot: npt.NDArray[np.int64],
    lead_first: npt.NDArray[np.int64],
    lead_last: npt.NDArray[np.int64],
    days: npt.NDArray[np.int64],
    matrix: csr_matrix,
    weights: HappeningWeights,
    near_bars: npt.NDArray[np.float64],
) -> list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]]:
    """Cosine of every pair of one day, and of pairs ``near_days`` apart whose text is close
    (``near_bars``, per report).

    A day holds tens to hundreds of reports, so one day is compared all-pairs.
    """
    dated = np.flatnonzero(days >= 0)
    order = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[order]
    out = []
    start = 0
    while start < len(order):
        day = sorted_days[start]
        end = int(np.searchsorted(sorted_days, day, side="right"))
        reach = int(np.searchsorted(sorted_days, day + weights.near_days, side="right"))
        rows, window = order[start:end], order[start:reach]
        cosine = (matrix[rows] @ matrix[window].T).toarray()
        left = np.repeat(rows, len(window))
        right = np.tile(window, len(rows))
        values = cosine.ravel()
        same_day = days[left] == days[right]
        keep = ((left < right) | ~same_day) & (left != right)
        close = values >= np.maximum(near_bars[left], near_bars[right])
        # A follow-up in other words: one named town, and leads that name one day ("on
        # Monday" in Tuesday's copy).
        related = ~same_day & ~close & (spot[left] != 0) & (spot[left] == spot[right])
        related &= (lead_first[left] <= lead_last[right]) & (lead_first[right] <= lead_last[left])
        keep &= same_day | close | related
        out.append((np.minimum(left, right)[keep], np.maximum(left, right)[keep], values[keep]))
        start = end
    return out


def undated_bars(
    profiles: Sequence[ReportProfile], weights: HappeningWeights
) -> npt.NDArray[np.float64]:
    """How close an undated pair's text must be, per report: from the reports its region holds.

    Measured on real coverage (benchmarks/README.md): reports of one story from different
    outlets have a text cosine of about 0.12-0.25, other stories' pairs stay under 0.10 in
    99 cases of 100; but over FA-KES's 700 reports of one war, 274 of them mainly about
    Aleppo, a bar under 0.30 links reports of different happenings. The bar grows with the
    log of the number of reports of the report's main region (0.30 from about 200); a
    report that names no place may be about any region, so it meets the bar of the most
    crowded one, or of all placeless reports when they are more.
    """
    main = [max(p.regions, key=p.regions.__getitem__) if p.regions else None for p in profiles]
    counts = Counter(region for region in main if region is not None)
    placeless = sum(region is None for region in main)
    busiest = max(max(counts.values(), default=0), placeless, 1)
    crowd = np.array(
        [counts[region] if region is not None else busiest for region in main],
        dtype=np.float64,
    )
    bars = weights.undated_base + weights.undated_slope * np.log(np.maximum(crowd, 1.0))
    return np.clip(bars, weights.undated_floor, weights.undated_text)


def _pairs_undated(
    days: npt.NDArray[np.int64],
    matrix: csr_matrix,
    weights: HappeningWeights,
    bars: npt.NDArray[np.float64],
    profiles: Sequence[ReportProfile],
    chunk: int = 2000,
) -> list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]]:
    """Undated reports against every report they could join, kept when their text clears
    both bars.

    Reports whose places share no region join only when their first places are near
    (``place_scores``; else they score 0), so an undated report is compared only with the
    reports of its regions, those whose first place lies within a degree of its own, and
    those that name no place; one that names no place, with every report. (Against every
    report, 43,533 undated reports took four minutes and 4 GB.)
    """
    undated = np.flatnonzero(days < 0)
    placeless = np.array([not p.regions for p in profiles], dtype=bool)
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    # First places near across a region's border (Douma beside Damascus): cells of one
    # degree, each asking its eight neighbours (NEAR_KM is well under a degree).
    cells: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for region in profile.regions:
            members[region].append(index)
        if profile.anchors:
            first = profile.anchors[0]
            cell = (first.country, math.floor(first.latitude), math.floor(first.longitude))
            cells[cell].append(index)
    blocks: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
    lone = undated[placeless[undated]]
    if len(lone):
        blocks.append((lone, np.arange(len(profiles), dtype=np.int64)))
    everywhere = np.flatnonzero(placeless)
    waiting = (days < 0) & ~placeless
    for indexes in members.values():
        here = np.array(indexes, dtype=np.int64)
        asking = here[waiting[here]]
        if len(asking):
            blocks.append((asking, np.union1d(here, everywhere)))
    for (country, lat, lon), indexes in cells.items():
        here = np.array(indexes, dtype=np.int64)
        asking = here[waiting[here]]
        if len(asking):
            around = [
                index
                for dlat in (-1, 0, 1)
                for dlon in (-1, 0, 1)
                for index in cells.get((country, lat + dlat, lon + dlon), ())
            ]
            blocks.append((asking, np.unique(np.array(around, dtype=np.int64))))
    out = []
    for rows_all, columns in blocks:
        right_matrix = matrix[columns].T.tocsr()
        for start in range(0, len(rows_all), chunk):
            rows = rows_all[start : start + chunk]
            product = (matrix[rows] @ right_matrix).tocoo()
            left = rows[product.row]
            right = columns[product.col]
            values = product.data
            keep = (values >= np.maximum(bars[left], bars[right])) & (left != right)
            # a pair of undated reports comes up twice: keep it once
            keep &= (days[right] >= 0) | (left < right)
            out.append((np.minimum(left, right)[keep], np.maximum(left, right)[keep], values[keep]))
    if len(out) > 1:  # reports of two shared regions meet twice: once is enough
        left = np.concatenate([c[0] for c in out])
        right = np.concatenate([c[1] for c in out])
        values = np.concatenate([c[2] for c in out])
        _, first = np.unique(left * len(profiles) + right, return_index=True)
        out = [(left[first], right[first], values[first])]
    return out


def happening_labels(
    reports: Sequence[Report],
    weights: HappeningWeights = DEFAULT_HAPPENING_WEIGHTS,
    profiles: Sequence[ReportProfile] | None = None,
) -> list[int]:
    """One happening number per report (reports of one happening share it)."""
    if not reports:
        return []
    profiles = list(profiles) if profiles is not None else profile_reports(reports)
    matrix = _tfidf(profiles)
    days = np.array([p.day if p.day is not None else -1 for p in profiles], dtype=np.int64)
    leads = [p.lead_days or (-1, -1) for p in profiles]
    lead_first = np.array([lead[0] for lead in leads], dtype=np.int64)
    lead_last = np.array([lead[1] for lead in leads], dtype=np.int64)
    spot = spot_codes(profiles)
    bars = undated_bars(profiles, weights)
    # Reports a day or two apart: copies and follow-ups in a crowded theatre (FA-KES: the
    # fixed 0.60); among few reports of a region, other outlets' versions of one story
    # (real wire copy of five strikes: report-pair recall 0.47 -> 0.56, FA-KES unchanged).
    near_bars = np.minimum(weights.near_factor * bars, weights.near_text)
    chunks = _pairs_by_day(spot, lead_first, lead_last, days, matrix, weights, near_bars)
    if (days < 0).any():
        chunks += _pairs_undated(days, matrix, weights, bars, profiles)
    if chunks:
        left = np.concatenate([c[0] for c in chunks])
        right = np.concatenate([c[1] for c in chunks])
        cosine = np.concatenate([c[2] for c in chunks]).astype(np.float64)
    else:
        left = right = np.empty(0, dtype=np.int64)
        cosine = np.empty(0, dtype=np.float64)
    place = place_scores(profiles, left, right, weights.unknown_place)
    score = (weights.text * cosine + weights.place * place) / (weights.text + weights.place)
    # Places that share nothing (not even one area) keep reports apart, whatever the words.
    score[place == 0.0] = 0.0
    # Different means of attack on one day are, most of the time, two happenings in one
    # region (an air raid and a rocket attack in Aleppo); in one named town they are more
    # often two versions of one (the monitor's air strikes, the agency's shelling).
    differ = _means_differ(profiles, left, right) & ~(
        (spot[left] != 0) & (spot[left] == spot[right])
    )
    score[differ] *= weights.means_differ
    return _cut(len(profiles), left, right, score, weights, days < 0)


def _cut(
    n: int,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    score: npt.NDArray[np.float64],
    weights: HappeningWeights,
    undated: npt.NDArray[np.bool_],
    link: float | None = None,
) -> list[int]:
    """Average-linkage clusters inside each set of linked reports.

    ``undated`` reports were compared with every report (``_pairs_undated``): a pair of
    theirs that is not listed was too far apart to keep, not unseen."""
    link = weights.cut if link is None else link
    linked = score >= link
    graph = csr_matrix((np.ones(int(linked.sum())), (left[linked], right[linked])), shape=(n, n))
    _count, component = connected_components(graph, directed=False)
    # Pairs below the link still count inside a linked set: average linkage weighs them.
    inside = component[left] == component[right]
    left, right, score = left[inside], right[inside], score[inside]
    members: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(component.tolist()):
        members[label].append(index)
    edges: dict[int, list[int]] = defaultdict(list)
    for position, label in enumerate(component[left].tolist()):
        edges[label].append(position)
    labels = [0] * n
    next_label = 0
    for label, group in members.items():
        if len(group) == 1:
            labels[group[0]] = next_label
            next_label += 1
            continue
        local = {index: k for k, index in enumerate(group)}
        positions = np.array(edges[label], dtype=np.int64)
        if len(group) > weights.max_component:
            sub = _cut(
                len(group),
                np.array([local[i] for i in left[positions].tolist()], dtype=np.int64),
                np.array([local[j] for j in right[positions].tolist()], dtype=np.int64),
                score[positions],
                weights,
                undated[group],
                link=min(1.0, link + 0.1),
            )
            for index, value in zip(group, sub, strict=True):
                labels[index] = next_label + value
            next_label += max(sub) + 1
            continue
        distance = np.full((len(group), len(group)), 1.0 - weights.cut)
        # an undated report was compared with every report: a pair of its that is not
        # listed is far apart (it pushes apart), not unseen
        far = undated[group]
        distance[far, :] = 1.0
        distance[:, far] = 1.0
        rows = [local[i] for i in left[positions].tolist()]
        cols = [local[j] for j in right[positions].tolist()]
        close = np.clip(1.0 - score[positions], 0.0, None)  # float32 cosine can pass 1
        distance[rows, cols] = close
        distance[cols, rows] = close
        # Reports of a linked set never compared (days apart) neither pull together nor
        # push apart: their distance is the cut itself.
        if len(group) == 2:  # most linked sets: one pair, kept together when close enough
            # (as average linkage and fcluster would; SciPy's checks cost 0.2 ms a call)
            cut = [1, 1] if distance[0, 1] <= 1.0 - weights.cut else [1, 2]
        else:
            condensed = distance[np.triu_indices(len(group), k=1)]
            tree = linkage(condensed, method="average")
            cut = fcluster(tree, t=1.0 - weights.cut, criterion="distance").tolist()
        for index, value in zip(group, cut, strict=True):
            labels[index] = next_label + value - 1
        next_label += max(cut)
    return labels
