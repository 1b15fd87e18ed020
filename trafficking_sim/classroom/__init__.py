"""The classroom: the seed's session phases, hot-seat groups and the trainer's tools.

Pure code, like the engine: the TUI renders it, tests drive it with a fake clock.
"""
