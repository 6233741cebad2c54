"""The stage context: what every stage is handed instead of reading a global — the settings,
the domain pack they name, and the NLP pipeline (None when a run only acquires and cleans).

    context = StageContext.load(settings, use_nlp=True)
    map_documents(raws, context)            # the map half, in this process or a worker
    reduce_store(store, pack=context.pack)  # the reduce half
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.pack import Pack, load_pack
from sitrep.pack.active import activate
from sitrep.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class StageContext:
    settings: Settings
    pack: Pack
    nlp: Language | None = None  # None: acquire and clean only, by choice

    @classmethod
    def load(cls, settings: Settings, *, use_nlp: bool = True) -> StageContext:
        """The settings' pack and, for an NLP run, the pipeline with that pack's components
        (cached per process); the pack becomes the process's active pack."""
        pack = load_pack(settings.pack)
        activate(pack)
        nlp = None
        if use_nlp:
            from sitrep.pipeline import load_domain_pipeline

            nlp = load_domain_pipeline(settings.model, settings.pack)
        return cls(settings, pack, nlp)

    @property
    def use_nlp(self) -> bool:
        return self.nlp is not None
