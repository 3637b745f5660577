"""Tools that work on the built site (the folder MkDocs wrote), not on the model: printing the
printable editions as PDF with Chromium, and checking the links."""
