"""The index: its on-disk format, the build, and the BM25 and dense (FAISS) structures."""
