"""Batch: folders of briefings to handouts in both languages, resumable."""
