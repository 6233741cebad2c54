"""Trained artifacts that ship with sitrep (the spaCy pipeline in `sitrep_en/`)."""
