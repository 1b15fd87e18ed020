"""Exploring a scenario's paths: the search and its report."""
