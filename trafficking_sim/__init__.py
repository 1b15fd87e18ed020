"""trafficking-sim: a training game on international cooperation against human trafficking."""

__version__ = "0.1.0"
