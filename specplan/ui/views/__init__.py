"""The main views, one module each; each listens to the Document and redraws only when shown."""
