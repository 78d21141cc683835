"""`python -m qa` is the `qa` command."""

import sys

from qa.app.cli import main

sys.exit(main())
