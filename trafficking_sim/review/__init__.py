"""Looking back on a game: the debrief, its cooperation map and its printable report."""
