"""What the XLIFF writer and reader share: the namespaces, and the units and segments a document is cut into."""
