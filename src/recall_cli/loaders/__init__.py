"""Loaders: files in, engine values out, every problem with its file, line and column."""
