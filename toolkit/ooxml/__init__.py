"""The OOXML layer both DOCX sides share: namespaces, part names and our custom properties."""
