"""Translation: Dutch to English offline, with argos model packages."""
