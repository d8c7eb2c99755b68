"""Readers: each turns one input format into a `Briefing`."""
