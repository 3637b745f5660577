"""Pure renderers: model -> Markdown/HTML text."""
