"""The numpy BERT forward pass gives transformers' BertModel output, and the reader's logits with it."""

from __future__ import annotations

import numpy as np
import pytest

from qa.answering.reader import encode_pairs, get_reader


@pytest.mark.model
def test_numpy_forward_matches_transformers_with_the_reader_weights():
    torch = pytest.importorskip("torch")
    from safetensors.torch import load_file
    from transformers import AutoModel

    reader = get_reader()
    assert reader is not None
    base = AutoModel.from_pretrained(str(reader.model_dir), local_files_only=True).eval()
    trained = {k: v.float() for k, v in load_file(str(reader.folder / "reader.safetensors")).items() if not k.startswith("qa_head.")}
    base.load_state_dict(trained, strict=False)
    batch = encode_pairs(
        reader.tokenizer,
        [("Which bank is Russia's largest?", "Sberbank, Russia's largest bank, was cut off."),
         ("Where were the talks held?", "The sixth round of talks was held in Istanbul on Tuesday, 29 March 2022.")],
    )
    with torch.inference_mode():
        expected = base(
            input_ids=torch.from_numpy(batch.input_ids), attention_mask=torch.from_numpy(batch.attention_mask),
            token_type_ids=torch.from_numpy(batch.token_type_ids),
        ).last_hidden_state.numpy()
    got = reader.model(batch.input_ids, batch.attention_mask, batch.token_type_ids)
    real = batch.attention_mask.astype(bool)
    assert np.abs(got[real] - expected[real]).max() < 1e-3
