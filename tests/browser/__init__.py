"""Browser tests: accessibility, keyboard use and offline behaviour of the built site."""
