"""The project's exceptions: one root, a few kinds, messages that say what to do."""

from __future__ import annotations


class QAError(Exception):
    """Root of every error this package raises on purpose."""


class InputError(QAError, ValueError):
    """A question, history or argument that cannot be used (empty, too long, wrong type)."""


class SettingsError(InputError):
    """A settings value out of range or of the wrong type; the message repeats it."""


class CorpusError(QAError):
    """The corpus folder or its metadata file cannot be read."""


class DocumentError(CorpusError):
    """One document cannot be read; indexing skips it and reports why."""


class IndexFolderError(QAError):
    """Base for problems with an index folder."""


class IndexMissingError(IndexFolderError):
    """No index where one was expected."""


class IndexCorruptError(IndexFolderError):
    """An index file is missing, truncated or does not match its checksum."""


class IndexStaleError(IndexFolderError):
    """The index was built from a corpus that has changed since, or by an older format."""


class ModelMismatchError(IndexFolderError):
    """The embedding model asked for differs from the one the index was built with."""


class IndexWriteError(IndexFolderError):
    """The index folder cannot be written (read-only, full disk, locked)."""


class ModelError(QAError):
    """The embedding model cannot be found or loaded."""


class EngineError(QAError):
    """A build engine (`qa index --engine ray`) is not installed, cannot start, or failed."""


class GoldFormatError(QAError):
    """A gold-set file has a malformed line."""


__all__ = [
    "QAError",
    "InputError",
    "SettingsError",
    "CorpusError",
    "DocumentError",
    "IndexFolderError",
    "IndexMissingError",
    "IndexCorruptError",
    "IndexStaleError",
    "ModelMismatchError",
    "IndexWriteError",
    "ModelError",
    "EngineError",
    "GoldFormatError",
]
