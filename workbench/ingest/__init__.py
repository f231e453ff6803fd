"""Reading report files and storing them with their claims."""

from workbench.ingest.paths import expand_paths
from workbench.ingest.pipeline import ingest_paths, read_reports
from workbench.ingest.readers import read_report_file

__all__ = ["expand_paths", "ingest_paths", "read_report_file", "read_reports"]
