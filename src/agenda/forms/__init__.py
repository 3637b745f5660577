"""The issue forms of the werkgroepen: which forms there are (made from the data and the schemas),
how GitHub writes a submitted form, and the data change each form makes.

- :mod:`.choices`: the dropdown options, by name, and the code each stands for;
- :mod:`.definitions`: the forms and their fields (one definition for the template and the parser);
- :mod:`.templates`: the YAML text of the templates in .github/ISSUE_TEMPLATE/;
- :mod:`.body`: a submitted issue's body -> the form and its answers;
- :mod:`.roundtrip`: comment-preserving edits of a data file (ruamel.yaml);
- :mod:`.changes`: the answers of a form -> the new text of the files it changes;
- :mod:`.submit`: read, change, check in a copy, and only then write (the command,
  agenda.commands.formulier, tells the outcome with agenda.change_summary).
"""
