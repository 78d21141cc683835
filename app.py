"""Start the chat: `python app.py [--host HOST] [--port PORT] [--corpus DIR] [--index DIR]`.

The same as `qa serve`: builds the index from corpus/ when it is missing (or updates it when the
corpus changed), then prints the local URL. Set QA_PASSWORD (and QA_USER, default "qa") to
require a login; do so whenever --host is not 127.0.0.1.
"""

import os
import sys

# Offline before anything imports gradio or huggingface_hub: no analytics, no hub calls.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

from qa.app.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
