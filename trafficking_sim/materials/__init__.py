"""Classroom materials: role cards, the printable guide and the cooperation map."""
