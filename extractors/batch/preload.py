"""What the ``--jobs`` workers' fork server loads once, before it forks any worker.

Each worker needs torch, Stanza and spaCy (about 1.5 CPU s of imports) and the built-in
dictionaries. Started with ``spawn``, every worker paid all of it; forked from a server that has
them already, a worker starts with them in memory (pages shared with the server until written).
Loaded here: the imports, and for every supported language the dictionaries and tries of a run
without ``--actors``/``--places`` and spaCy's tokenizer. NER models and a user's dictionary files
are still loaded by the worker, on first use.

Nothing here may stop the server: whatever fails to load now is loaded (and reported) by the
worker that needs it, as without a server.
"""

from __future__ import annotations

import contextlib
import gc
import logging

log = logging.getLogger("attache.batch")


def _preload() -> None:
    # Imports first (no torch thread pool is started by importing, so forking after it is safe).
    import spacy  # noqa: F401
    import stanza.models.common.doc  # noqa: F401
    import stanza.pipeline.core  # noqa: F401
    import torch  # noqa: F401

    from ..lang import LANGS
    from ..mentions import lexicons
    from ..ner import _tokenizer
    from ..pipeline import gc_paused

    with gc_paused():
        for lang in LANGS:
            # the arguments exactly as the pipeline passes them, so that the worker's call is a hit
            lexicons(lang, None, None)
            _tokenizer(lang)
    # Frozen, these objects are never scanned by a worker's collector: no CPU spent on them, and
    # no shared page copied into a worker because a collection wrote to an object's header.
    gc.collect()
    gc.freeze()


with contextlib.suppress(Exception):
    _preload()
