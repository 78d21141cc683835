"""Ingestion: find documents, load them, clean them into one text with offsets, split sentences, chunk."""
