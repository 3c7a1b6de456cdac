"""The bundled questions, one SPARQL query per ``.rq`` file with a comment header.

This package holds data only; :mod:`claimgraph.query.bundled` reads it through
``importlib.resources``, so the files are found the same way in a checkout and in a wheel.
"""
