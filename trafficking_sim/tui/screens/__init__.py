"""The screens of the game: title, choices, the game itself, debrief, glossary, help."""
