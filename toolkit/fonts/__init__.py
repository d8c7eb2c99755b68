"""The fonts the toolkit ships (Noto Sans, SIL Open Font License: OFL.txt), shared by the DOCX and PDF writers."""

from pathlib import Path

# A plain path: the fonts ship as real files, and both writers read them by name.
FONTS_DIR = Path(__file__).parent
