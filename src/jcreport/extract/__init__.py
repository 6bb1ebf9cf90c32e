"""Extractors, one module each: numbers (find, then resolve), periods, figures, meta, checks.

The package shares its name with the library function ``jcreport.extract``: the package's own
``__init__`` runs first, and ``jcreport/__init__.py`` binds the name to the function afterwards.
"""
