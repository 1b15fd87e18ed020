"""Playing a game: the session, saves, the plain text mode, narration and the demo."""
