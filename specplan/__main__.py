"""``python -m specplan`` and the frozen application's entry point (absolute imports: PyInstaller
runs this file as a script, outside the package)."""

import sys

from specplan.app import main

if __name__ == "__main__":
    sys.exit(main())
