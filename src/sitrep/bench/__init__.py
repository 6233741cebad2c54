"""sitrep.bench"""
