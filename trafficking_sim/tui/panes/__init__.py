"""The panes of the game screen. Each reads the session and renders it; none changes it."""
