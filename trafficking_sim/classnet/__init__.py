"""A networked class: one shared game, each group on its own device.

The class log (an append-only table of actions in one database) is the only shared
state; every process replays it with the pure engine and shows only its own group's view.
Nothing here imports a terminal UI library.
"""
