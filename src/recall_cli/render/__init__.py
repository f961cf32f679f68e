"""Renderers: results and problems to text, JSON, CSV and Rich tables."""
