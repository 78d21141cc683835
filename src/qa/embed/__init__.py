"""Embedding: resolve the model offline and run it (ONNX Runtime, torch as fallback)."""
