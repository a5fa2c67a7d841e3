"""asean_cyber_data: the ASEAN cyber-cooperation dataset and the pipeline that builds it.

Data flows through modules named after their stage::

    read → clean → extract → validate → publish → load

Public API: :func:`extract` (one article string → record), the loaders
(:func:`load_records`, :func:`load_pandas`, :func:`load_flat`, :func:`load_hf`,
:func:`load_arrow`),
the :class:`Record` model, and the versions.
"""

from .extract import ExtractionError, extract
from .load import load_arrow, load_flat, load_hf, load_pandas, load_records
from .models import Record
from .version import SCHEMA_VERSION, __version__

__all__ = [
    "SCHEMA_VERSION",
    "ExtractionError",
    "Record",
    "__version__",
    "extract",
    "load_arrow",
    "load_flat",
    "load_hf",
    "load_pandas",
    "load_records",
]
