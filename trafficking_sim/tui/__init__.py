"""The Textual user interface: renders the game's state and sends the player's actions.

Nothing outside this package imports Textual; the engine never knows it is displayed.
"""
