"""The applications on top: the `qa` command and the Gradio chat."""
