"""Runners for the map half: the local process pool lives in `sitrep.pipeline`; the
distributed runner (`ray_runner`) calls the very same `map_documents` on Ray workers."""
