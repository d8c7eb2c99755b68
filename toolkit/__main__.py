"""`python -m toolkit` is the `briefing` command."""

import sys

from toolkit.cli import main

sys.exit(main())
