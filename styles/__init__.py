"""House styles as data (TOML), shared by the DOCX and PDF writers."""
