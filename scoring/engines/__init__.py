"""Where a fit runs: in memory (the estimators themselves) or on a Dask cluster.

``ENGINES`` names them for the command line; the Dask engine is imported only
when asked for, so ``python -m scoring`` on one machine never loads Dask.
"""

ENGINES = ("memory", "dask")
DASK_METHODS = ("majority", "one_coin", "dawid_skene", "crh")

__all__ = ["DASK_METHODS", "ENGINES"]
