"""Answering: sentence selection from retrieved passages, answer types, verified citations."""
