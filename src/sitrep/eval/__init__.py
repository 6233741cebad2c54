"""sitrep.eval"""
