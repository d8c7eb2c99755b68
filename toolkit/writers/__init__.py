"""Writers: each turns a `Briefing` into the bytes of one output format."""
