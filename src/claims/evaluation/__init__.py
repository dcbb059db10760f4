"""Scoring found claims against gold files, as the spec's "Gold files and scoring" says."""
